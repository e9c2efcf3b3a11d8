package cli

import (
	"bytes"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

// TestParseDuration checks the duration flags (-expires-within, -margin,
// -spread): Go durations, days, and refusals.
func TestParseDuration(t *testing.T) {
	for _, c := range []struct {
		in   string
		want time.Duration
		ok   bool
	}{
		{"30d", 30 * 24 * time.Hour, true},
		{"1d12h", 36 * time.Hour, true},
		{"720h", 720 * time.Hour, true},
		{"0d", 0, true},
		{"90m", 90 * time.Minute, true},
		{"-1h", 0, false},
		{"-7d", 0, false},
		{"d", 0, false},
		{"", 0, true},
		{"soon", 0, false},
		{"30days", 0, false},
	} {
		got, err := ParseDuration(c.in)
		if (err == nil) != c.ok || got != c.want {
			t.Errorf("ParseDuration(%q) = %v, %v; want %v, ok %v", c.in, got, err, c.want, c.ok)
		}
	}
}

// TestAt checks -at: parsed with tz.Parse (TV-4), never a silent UTC for
// an unknown zone; empty is the environment's clock.
func TestAt(t *testing.T) {
	got, err := At("12/10/2012 23:59:59 GMT", Env{})
	if want := time.Date(2012, 12, 10, 23, 59, 59, 0, time.UTC); err != nil || !got.Equal(want) {
		t.Errorf("TV-4 At = %v, %v; want %v", got, err, want)
	}
	if _, err := At("12/10/2012 23:59:59 XST", Env{}); err == nil {
		t.Error("TV-4 At accepted an unknown zone abbreviation")
	}
	clock := time.Date(2026, 1, 1, 0, 0, 0, 0, time.FixedZone("X", 3600))
	if got, err := At("", Env{Now: func() time.Time { return clock }}); err != nil || !got.Equal(clock) || got.Location() != time.UTC {
		t.Errorf("At(\"\") = %v, %v; want the clock %v in UTC", got, err, clock)
	}
}

// TestParse checks -h, bad flags, and flags after file names.
func TestParse(t *testing.T) {
	for _, c := range []struct {
		name           string
		args           []string
		files          []string
		v              bool
		code           int
		ok             bool
		stdout, stderr string
	}{
		{"help on stdout", []string{"-h"}, nil, false, ExitOK, false, "usage\n", ""},
		{"bad flag on one line", []string{"-x"}, nil, false, ExitError, false, "", "cmd: flag provided but not defined: -x (see cmd -h)\n"},
		{"ok", []string{"-v"}, []string{}, true, ExitOK, true, "", ""},
		{"flag after a file", []string{"a.pem", "-v", "b.pem"}, []string{"a.pem", "b.pem"}, true, ExitOK, true, "", ""},
		{"bad flag after a file", []string{"a.pem", "-x"}, nil, false, ExitError, false, "", "cmd: flag provided but not defined: -x (see cmd -h)\n"},
		{"help after a file", []string{"a.pem", "-h"}, nil, false, ExitOK, false, "usage\n", ""},
		{"stdin is a file", []string{"-", "-v"}, []string{"-"}, true, ExitOK, true, "", ""},
		{"double dash ends the flags", []string{"a.pem", "--", "-v", "-x"}, []string{"a.pem", "-v", "-x"}, false, ExitOK, true, "", ""},
		{"double dash first", []string{"--", "-v"}, []string{"-v"}, false, ExitOK, true, "", ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			fs := flag.NewFlagSet("cmd", flag.ContinueOnError)
			v := fs.Bool("v", false, "")
			var stdout, stderr bytes.Buffer
			files, code, ok := Parse(fs, c.args, "usage\n", &stdout, &stderr)
			if code != c.code || ok != c.ok || *v != c.v {
				t.Errorf("Parse = %d, %v, -v %v; want %d, %v, -v %v", code, ok, *v, c.code, c.ok, c.v)
			}
			if d := cmp.Diff(c.files, files); d != "" {
				t.Errorf("files (-want +got):\n%s", d)
			}
			if d := cmp.Diff(c.stdout+"|"+c.stderr, stdout.String()+"|"+stderr.String()); d != "" {
				t.Errorf("output (-want +got):\n%s", d)
			}
		})
	}
}

// TestParseSize checks -max-input.
func TestParseSize(t *testing.T) {
	for _, c := range []struct {
		in   string
		want int64
		ok   bool
	}{
		{"1G", 1 << 30, true},
		{"64M", 64 << 20, true},
		{"64MiB", 64 << 20, true},
		{"512K", 512 << 10, true},
		{"100000", 100000, true},
		{"0", 0, false},
		{"-1M", 0, false},
		{"1T", 0, false},
		{"2000000G", 0, false},
		{"", 0, false},
		{"M", 0, false},
	} {
		got, err := ParseSize(c.in)
		if (err == nil) != c.ok || got != c.want {
			t.Errorf("ParseSize(%q) = %v, %v; want %v, ok %v", c.in, got, err, c.want, c.ok)
		}
	}
}

// TestParseFraction checks -remaining: the default -h shows (1/3) is
// read, and so are decimals and percentages; 0, 1 and beyond are refused.
func TestParseFraction(t *testing.T) {
	for _, c := range []struct {
		in   string
		want float64
		ok   bool
	}{
		{"1/3", 1.0 / 3, true},
		{"2/3", 2.0 / 3, true},
		{"0.5", 0.5, true},
		{"25%", 0.25, true},
		{"0.3333", 0.3333, true},
		{"0", 0, false},
		{"1", 0, false},
		{"1.5", 0, false},
		{"3/2", 0, false},
		{"1/0", 0, false},
		{"0/3", 0, false},
		{"NaN", 0, false},
		{"100%", 0, false},
		{"-1/3", 0, false},
		{"", 0, false},
	} {
		got, err := ParseFraction(c.in)
		if (err == nil) != c.ok || got != c.want {
			t.Errorf("ParseFraction(%q) = %v, %v; want %v, ok %v", c.in, got, err, c.want, c.ok)
		}
	}
}

// countingReader counts the bytes read from an endless source.
type countingReader struct {
	n    int64
	fill byte
}

func (r *countingReader) Read(p []byte) (int, error) {
	for i := range p {
		p[i] = r.fill
	}
	r.n += int64(len(p))
	return len(p), nil
}

// TestReadPassword checks the password file: the first line, without its
// ending; bounded reading of a file with no newline (a 100 MB one-line
// file, or /dev/zero); errors that never name the file, since a password
// typed there by mistake must not reach a log.
func TestReadPassword(t *testing.T) {
	for _, c := range []struct {
		in, want string
		ok       bool
	}{
		{"Sample2026\n", "Sample2026", true},
		{"Sample2026\r\nsecond line\n", "Sample2026", true},
		{"Sample2026", "Sample2026", true},
		{"", "", true},
		{strings.Repeat("x", MaxPassword) + "\n", strings.Repeat("x", MaxPassword), true},
		{strings.Repeat("x", MaxPassword+1) + "\n", "", false},
	} {
		got, err := ReadPassword("-", strings.NewReader(c.in))
		if (err == nil) != c.ok || string(got) != c.want {
			t.Errorf("ReadPassword(%.20q) = %q, %v; want %q, ok %v", c.in, got, err, c.want, c.ok)
		}
	}
	endless := &countingReader{fill: 'x'}
	if _, err := ReadPassword("-", endless); err == nil || endless.n > MaxPassword+2 {
		t.Errorf("endless one-line input: err %v after %d bytes; want an error after at most %d", err, endless.n, MaxPassword+2)
	}
	zeros := &countingReader{}
	if _, err := FirstLine(zeros); err == nil || zeros.n > MaxPassword+2 {
		t.Errorf("/dev/zero: err %v after %d bytes", err, zeros.n)
	}
	const secret = "Secret2026!"
	if _, err := ReadPassword(secret, nil); err == nil || strings.Contains(err.Error(), secret) {
		t.Errorf("ReadPassword(secret) error = %v; want one without the name", err)
	}
}

// failWriter fails every write, as a full disk does.
type failWriter struct{ writes int }

func (w *failWriter) Write(p []byte) (int, error) {
	w.writes++
	return 0, errors.New("no space left on device")
}

// TestWriter checks that the output remembers its first error and writes
// nothing after it.
// TestReadSmall checks that a small file is read whole and a larger one
// refused after at most max+1 bytes, however long it is.
func TestReadSmall(t *testing.T) {
	for _, c := range []struct {
		in string
		ok bool
	}{{"", true}, {"{}", true}, {strings.Repeat("x", 16), true}, {strings.Repeat("x", 17), false}} {
		got, err := ReadSmall("-", strings.NewReader(c.in), 16)
		if (err == nil) != c.ok || c.ok && string(got) != c.in {
			t.Errorf("ReadSmall(%q, 16) = %q, %v; want ok %v", c.in, got, err, c.ok)
		}
	}
	zeros := &countingReader{}
	if _, err := ReadSmall("-", zeros, 1<<10); err == nil || zeros.n > 1<<10+1 {
		t.Errorf("/dev/zero: err %v after %d bytes; want an error after at most %d", err, zeros.n, 1<<10+1)
	}
	if _, err := ReadSmall("testdata/nonexistent.json", nil, 16); err == nil || strings.Contains(err.Error(), "nonexistent") {
		t.Errorf("missing file: err %v; want an error without the name (the caller names it)", err)
	}
}

func TestWriter(t *testing.T) {
	fw := &failWriter{}
	w := NewWriter(fw)
	big := bytes.Repeat([]byte("x"), 100<<10)
	if _, err := w.Write(big); err == nil {
		t.Fatal("Write of more than the buffer succeeded on a failing writer")
	}
	for range 10 {
		w.Write(big)
		w.WriteString("x")
	}
	if w.Err() == nil || w.Flush() == nil || fw.writes != 1 {
		t.Errorf("Err %v, writes %d; want the error, and one write", w.Err(), fw.writes)
	}
}

// FuzzFlags feeds arbitrary text to the flag parsers (-expires-within,
// -margin and -spread; -max-input; -remaining): no panic, and every value
// accepted is in range.
func FuzzFlags(f *testing.F) {
	for _, s := range []string{"30d", "1d12h", "720h", "64M", "1G", "1/3", "0.5", "25%", "-1h", "65535d", "9223372036854775807"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if d, err := ParseDuration(s); err == nil && d < 0 {
			t.Fatalf("ParseDuration(%q) = %v", s, d)
		}
		if n, err := ParseSize(s); err == nil && (n <= 0 || n > 1<<50) {
			t.Fatalf("ParseSize(%q) = %v", s, n)
		}
		if x, err := ParseFraction(s); err == nil && !(x > 0 && x < 1) {
			t.Fatalf("ParseFraction(%q) = %v", s, x)
		}
	})
}

// TestFuzzCorpus checks that the seed corpus in testdata/fuzz is there.
func TestFuzzCorpus(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join("testdata", "fuzz", "FuzzFlags", "*"))
	if len(files) == 0 {
		t.Error("no seed corpus in testdata/fuzz/FuzzFlags")
	}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil || !bytes.HasPrefix(b, []byte("go test fuzz v1\n")) {
			t.Errorf("%s: not a go test fuzz v1 file (%v)", f, err)
		}
	}
}
