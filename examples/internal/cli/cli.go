// Package cli holds what the example commands share besides reading input
// (package input): the shape of a command (Env and the exit codes), flag
// parsing that lets flags follow file names, one-line errors, the -at
// instant, duration, size and fraction flags, bounded password files, and
// an output writer that stops at the first failed write.
package cli

import (
	"bufio"
	"bytes"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"math"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/certlife/certlife/tz"
)

// Exit codes shared by the commands.
const (
	ExitOK       = 0 // the check passed: all is well
	ExitNegative = 1 // the check ran and its answer is "no"
	ExitError    = 2 // usage or input error, or output could not be written
)

// Env is what a command takes from its surroundings besides its arguments
// and standard streams. A command's main passes [Host]; tests pass a fixed
// clock. The commands never read the host's time zone: every instant is
// printed in a zone they name (UTC, JST, or one given by a flag).
type Env struct {
	// Now is the clock, read only as the default of -at.
	Now func() time.Time
}

// Host is the Env of a real run: the system clock.
func Host() Env { return Env{Now: time.Now} }

// Parse parses args into fs, letting flags come after file names
// ("certinfo a.pem -json" is "certinfo -json a.pem"); "--" ends the flags,
// and "-" is a file (standard input). It returns the file names. With -h it
// prints usage on stdout and returns ExitOK, false; with a bad flag it prints
// one line on stderr and returns ExitError, false.
func Parse(fs *flag.FlagSet, args []string, usage string, stdout, stderr io.Writer) (files []string, code int, ok bool) {
	fs.SetOutput(io.Discard)
	fs.Usage = func() {}
	files = []string{}
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				io.WriteString(stdout, usage)
				return nil, ExitOK, false
			}
			return nil, Fail(stderr, fs.Name(), "%v (see %s -h)", err, fs.Name()), false
		}
		rest := fs.Args()
		if len(rest) == 0 {
			return files, ExitOK, true
		}
		if n := len(args) - len(rest); n > 0 && args[n-1] == "--" {
			return append(files, rest...), ExitOK, true
		}
		files = append(files, rest[0])
		args = rest[1:]
	}
}

// Fail prints "name: message" on one line of stderr and returns ExitError.
func Fail(stderr io.Writer, name, format string, a ...any) int {
	fmt.Fprintf(stderr, name+": "+format+"\n", a...)
	return ExitError
}

// At returns the instant of -at: text parsed by tz.Parse, or env's clock
// when text is empty. The example commands are the only place in the module
// that read the clock, and only here.
func At(text string, env Env) (time.Time, error) {
	if text == "" {
		now := time.Now
		if env.Now != nil {
			now = env.Now
		}
		return now().UTC(), nil
	}
	return tz.Parse(text)
}

// ParseDuration reads a duration flag: a Go duration ("72h") or days
// with an optional duration after them ("7d", "1d12h"); a day is 24 hours.
// Negative durations are refused.
func ParseDuration(s string) (time.Duration, error) {
	bad := fmt.Errorf("bad duration %q: want e.g. 30d or 720h", s)
	var d time.Duration
	rest := s
	if i := strings.IndexByte(s, 'd'); i >= 0 {
		n, err := strconv.ParseUint(s[:i], 10, 16)
		if err != nil {
			return 0, bad
		}
		d, rest = time.Duration(n)*24*time.Hour, s[i+1:]
	}
	if rest != "" {
		r, err := time.ParseDuration(rest)
		if err != nil || r < 0 || d+r < d {
			return 0, bad
		}
		d += r
	}
	return d, nil
}

// ParseSize reads a size flag: bytes, or a number with a binary suffix
// K, M or G (KiB, MiB, GiB also read): "64M" is 64×2^20 bytes. Zero,
// negative and sizes over 2^50 bytes are refused.
func ParseSize(s string) (int64, error) {
	bad := fmt.Errorf("bad size %q: want e.g. 64M, 1G or 500000", s)
	num, shift := s, 0
	for _, u := range []struct {
		suffix string
		shift  int
	}{{"KiB", 10}, {"MiB", 20}, {"GiB", 30}, {"K", 10}, {"M", 20}, {"G", 30}} {
		if strings.HasSuffix(s, u.suffix) {
			num, shift = strings.TrimSuffix(s, u.suffix), u.shift
			break
		}
	}
	n, err := strconv.ParseInt(num, 10, 64)
	if err != nil || n <= 0 || n > 1<<50>>shift {
		return 0, bad
	}
	return n << shift, nil
}

// ParseFraction reads a fraction strictly between 0 and 1: "1/3", "0.25"
// or "25%". "1/3" is read as exactly one third (as a float64).
func ParseFraction(s string) (float64, error) {
	bad := fmt.Errorf("bad fraction %q: want a fraction strictly between 0 and 1, e.g. 1/3, 0.5 or 25%%", s)
	var f float64
	switch num, den, ok := strings.Cut(s, "/"); {
	case ok:
		n, err1 := strconv.ParseUint(num, 10, 32)
		d, err2 := strconv.ParseUint(den, 10, 32)
		if err1 != nil || err2 != nil || d == 0 {
			return 0, bad
		}
		f = float64(n) / float64(d)
	case strings.HasSuffix(s, "%"):
		p, err := strconv.ParseFloat(strings.TrimSuffix(s, "%"), 64)
		if err != nil {
			return 0, bad
		}
		f = p / 100
	default:
		p, err := strconv.ParseFloat(s, 64)
		if err != nil {
			return 0, bad
		}
		f = p
	}
	if !(f > 0 && f < 1) || math.IsNaN(f) {
		return 0, bad
	}
	return f, nil
}

// MaxPassword is the longest password ReadPassword reads, in bytes.
const MaxPassword = 1024

// ReadPassword reads a password: the first line of the file name, or of
// stdin for "-", without its line ending. It reads at most MaxPassword+2
// bytes, whatever the file holds, and refuses a first line longer than
// MaxPassword. Its errors never name the file: a password typed as the file
// name by mistake must not reach standard error or a log.
func ReadPassword(name string, stdin io.Reader) ([]byte, error) {
	r := stdin
	if name != "-" {
		f, err := os.Open(name)
		if err != nil {
			return nil, fmt.Errorf("cannot open the file: %v", pathless(err))
		}
		defer f.Close()
		r = f
	}
	return FirstLine(r)
}

// FirstLine reads the first line of r, without its line ending, as a
// password: it stops at the first newline, reads at most MaxPassword+2
// bytes, and refuses a longer line.
func FirstLine(r io.Reader) ([]byte, error) {
	tooLong := fmt.Errorf("the first line is longer than %d bytes: a password file holds the password on its first line", MaxPassword)
	buf := make([]byte, 0, MaxPassword+2)
	for {
		n, err := r.Read(buf[len(buf):cap(buf)])
		buf = buf[:len(buf)+n]
		if i := bytes.IndexByte(buf, '\n'); i >= 0 {
			buf = buf[:i]
			break
		}
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("cannot read the password: %v", pathless(err))
		}
		if len(buf) == cap(buf) {
			return nil, tooLong
		}
	}
	buf = bytes.TrimSuffix(buf, []byte("\r"))
	if len(buf) > MaxPassword {
		return nil, tooLong
	}
	return buf, nil
}

// ReadSmall reads a small file whole: name, or stdin for "-". It reads at
// most max+1 bytes, whatever the file holds, and refuses a file larger
// than max bytes.
func ReadSmall(name string, stdin io.Reader, max int64) ([]byte, error) {
	r := stdin
	if name != "-" {
		f, err := os.Open(name)
		if err != nil {
			return nil, pathless(err)
		}
		defer f.Close()
		r = f
	}
	data, err := io.ReadAll(io.LimitReader(r, max+1))
	if err != nil {
		return nil, pathless(err)
	}
	if int64(len(data)) > max {
		return nil, fmt.Errorf("larger than %d bytes", max)
	}
	return data, nil
}

// pathless returns the error of a *fs.PathError without the path.
func pathless(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// Writer is a command's standard output, buffered. It remembers the first
// write error, so that a command stops at the first failed write (a full
// disk, a closed pipe) instead of going on; check Err after each record.
type Writer struct {
	w   *bufio.Writer
	err error
}

// NewWriter returns a Writer on w with a 64 KiB buffer.
func NewWriter(w io.Writer) *Writer { return &Writer{w: bufio.NewWriterSize(w, 64<<10)} }

// Write writes p unless an earlier write failed.
func (w *Writer) Write(p []byte) (int, error) {
	if w.err != nil {
		return 0, w.err
	}
	n, err := w.w.Write(p)
	w.err = err
	return n, err
}

// WriteString writes s unless an earlier write failed.
func (w *Writer) WriteString(s string) (int, error) {
	if w.err != nil {
		return 0, w.err
	}
	n, err := w.w.WriteString(s)
	w.err = err
	return n, err
}

// Flush writes the buffered output; it returns the first error of any
// write.
func (w *Writer) Flush() error {
	if w.err == nil {
		w.err = w.w.Flush()
	}
	return w.err
}

// Err returns the first write error, or nil.
func (w *Writer) Err() error { return w.err }
