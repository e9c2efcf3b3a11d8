// Package clitest runs the example commands in tests and compares what
// they print and how they exit with golden files.
//
// A command's main is a thin wrapper over its run function (see [Run]), so
// the golden cases run in-process: [Check] runs a case twice, with the
// process's time.Local set to America/Los_Angeles and then to Asia/Tokyo,
// requires both runs to agree (no output may depend on the host's zone),
// and compares the result with testdata/golden/NAME.txt (spaces in NAME as
// underscores), which holds the command line, the exit code, standard
// output and standard error; `go test -update` rewrites it. [CheckBinary]
// builds the real binary once and runs a few cases under TZ= both zones,
// against the same golden files, to prove that main is wired and that the
// binary does not depend on the zone either. [CheckREADME] reruns the
// blocks of the READMEs that show the command.
//
// The tests of a command package must not call t.Parallel: Check sets
// time.Local, and changes directory for cases with a Dir.
package clitest

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/certlife/certlife/examples/internal/cli"
	"github.com/google/go-cmp/cmp"
)

// update is the -update flag: rewrite golden files instead of comparing.
var update = flag.Bool("update", false, "rewrite golden files in testdata/golden")

// Updating reports whether the test binary runs with -update.
func Updating() bool { return *update }

// Run is a command's run function: its arguments without the command name,
// its standard streams and its environment; it returns the exit code.
type Run func(args []string, stdin io.Reader, stdout, stderr io.Writer, env cli.Env) int

// Clock is the clock of every in-process run, 2000-01-01T00:00:00Z, so
// that a case without -at is still the same on every run (the golden cases
// pass -at).
var Clock = func() time.Time { return time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC) }

// A Case is one run of a command.
type Case struct {
	Name  string   // golden file name, testdata/golden/Name.txt; rule id first where one applies
	Args  []string // command-line arguments
	Stdin string   // standard input
	Dir   string   // working directory, relative to the package; "" means the package directory
}

// Result is what a run produced.
type Result struct {
	Exit   int
	Stdout string
	Stderr string
}

// Zones are the two host zones every case runs under: far apart, one with
// daylight saving time.
var zones = sync.OnceValue(func() [2]*time.Location {
	la, err := time.LoadLocation("America/Los_Angeles")
	if err != nil {
		la = time.FixedZone("PST", -8*3600)
	}
	tokyo, err := time.LoadLocation("Asia/Tokyo")
	if err != nil {
		tokyo = time.FixedZone("JST", 9*3600)
	}
	return [2]*time.Location{la, tokyo}
})

// InProcess runs c with run, with time.Local set to local for the run.
func InProcess(t testing.TB, run Run, c Case, local *time.Location) Result {
	t.Helper()
	if c.Dir != "" {
		wd, err := os.Getwd()
		if err != nil {
			t.Fatal(err)
		}
		if err := os.Chdir(c.Dir); err != nil {
			t.Fatal(err)
		}
		defer os.Chdir(wd)
	}
	saved := time.Local
	time.Local = local
	defer func() { time.Local = saved }()
	var stdout, stderr bytes.Buffer
	exit := run(c.Args, strings.NewReader(c.Stdin), &stdout, &stderr, cli.Env{Now: Clock})
	return Result{exit, stdout.String(), stderr.String()}
}

// Check runs the case in-process under both host zones, requires the same
// result from both, and compares it with testdata/golden/c.Name.txt (or
// rewrites that file with -update). Differences are reported as
// (-want +got).
func Check(t *testing.T, name string, run Run, c Case) Result {
	t.Helper()
	z := zones()
	la := InProcess(t, run, c, z[0])
	tokyo := InProcess(t, run, c, z[1])
	got := Format(name, c, la)
	if d := cmp.Diff(got, Format(name, c, tokyo)); d != "" {
		t.Errorf("output depends on the host zone (-Los_Angeles +Tokyo):\n%s", d)
	}
	golden(t, c, got)
	return la
}

// golden compares got with the case's golden file, or rewrites it.
func golden(t *testing.T, c Case, got string) {
	t.Helper()
	Golden(t, c.Name, got)
}

// Golden compares got with the golden file of the case called name
// (GoldenPath), or rewrites it under -update; commands whose tests are not
// Cases (a server's sessions) use it directly.
func Golden(t *testing.T, name, got string) {
	t.Helper()
	path := GoldenPath(name)
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if d := cmp.Diff(string(want), got); d != "" {
		t.Errorf("%s mismatch (-want +got):\n%s", path, d)
	}
}

// GoldenPath is the golden file of a case name.
func GoldenPath(name string) string {
	return filepath.Join("testdata", "golden", strings.ReplaceAll(name, " ", "_")+".txt")
}

// Format renders a case and its result as a golden file.
func Format(name string, c Case, r Result) string {
	var b strings.Builder
	b.WriteString("$ " + name)
	for _, a := range c.Args {
		b.WriteString(" " + quote(a))
	}
	if c.Stdin != "" {
		b.WriteString(" <<stdin")
	}
	b.WriteString("\nexit " + strconv.Itoa(r.Exit) + "\n")
	b.WriteString("-- stdout --\n" + r.Stdout)
	b.WriteString("-- stderr --\n" + r.Stderr)
	return b.String()
}

func quote(s string) string {
	if s == "" || strings.ContainsAny(s, " \t\n'\"$\\*?|&;<>()") || !isPrint(s) {
		return strconv.Quote(s)
	}
	return s
}

func isPrint(s string) bool {
	for _, r := range s {
		if !strconv.IsPrint(r) {
			return false
		}
	}
	return true
}

// Build compiles the package in the current directory into a temporary
// directory and returns the path of the binary.
func Build(t testing.TB, name string) string {
	t.Helper()
	bin := filepath.Join(t.TempDir(), name)
	cmd := exec.Command("go", "build", "-o", bin, ".")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

// Exec runs the binary with the case's arguments, standard input and
// directory under the given TZ, in the C locale.
func Exec(t testing.TB, bin string, c Case, tzName string) Result {
	t.Helper()
	cmd := exec.Command(bin, c.Args...)
	cmd.Dir = c.Dir
	cmd.Stdin = strings.NewReader(c.Stdin)
	cmd.Env = append(os.Environ(), "TZ="+tzName, "LANG=C", "LC_ALL=C")
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	exit := 0
	if err != nil {
		var ee *exec.ExitError
		if !errors.As(err, &ee) {
			t.Fatalf("running %s: %v", bin, err)
		}
		exit = ee.ExitCode()
	}
	return Result{exit, stdout.String(), stderr.String()}
}

// CheckBinary builds the command and runs each case as a process under
// TZ=America/Los_Angeles and TZ=Asia/Tokyo, comparing both runs with the
// case's golden file (which the in-process Check writes). It proves that
// main passes its arguments, streams and exit code through, and that the
// real process does not depend on the host's zone.
//
// It returns the path of the binary, for further checks.
func CheckBinary(t *testing.T, name string, cases ...Case) string {
	t.Helper()
	if *update {
		t.Skip("golden files are written by the in-process cases")
	}
	bin := Build(t, name)
	for _, c := range cases {
		t.Run(c.Name, func(t *testing.T) {
			for _, zone := range []string{"America/Los_Angeles", "Asia/Tokyo"} {
				got := Format(name, c, Exec(t, bin, c, zone))
				want, err := os.ReadFile(GoldenPath(c.Name))
				if err != nil {
					t.Fatal(err)
				}
				if d := cmp.Diff(string(want), got); d != "" {
					t.Errorf("TZ=%s: the binary differs from %s (-want +got):\n%s", zone, GoldenPath(c.Name), d)
				}
			}
		})
	}
	return bin
}

// CheckFixture compares the file testdata/NAME with want, the bytes its
// generator makes now, and rewrites the file instead under -update. Fixtures
// made with fixed keys are the same on every run, so a stale one fails.
func CheckFixture(t *testing.T, name string, want []byte) {
	t.Helper()
	path := filepath.Join("testdata", filepath.FromSlash(name))
	if Updating() {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, want, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	got, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if d := cmp.Diff(string(want), string(got)); d != "" {
		t.Errorf("%s is stale; run go test -run TestFixtures -update (-want +got):\n%s", path, d)
	}
}

// NeedTool returns the path of a peer tool (openssl, keytool). Without it
// the test is skipped with the reason printed, or fails under CI=true,
// where every peer must be installed.
func NeedTool(t testing.TB, name string) string {
	t.Helper()
	p, err := exec.LookPath(name)
	if err != nil {
		msg := fmt.Sprintf("%s not found: %v", name, err)
		if os.Getenv("CI") == "true" {
			t.Fatal(msg)
		}
		t.Skip(msg)
	}
	return p
}

// InZones runs f as two subtests, with time.Local set to
// America/Los_Angeles and then to Asia/Tokyo, for table tests that call a
// command's run directly.
func InZones(t *testing.T, f func(t *testing.T)) {
	t.Helper()
	for _, z := range zones() {
		t.Run(z.String(), func(t *testing.T) {
			saved := time.Local
			time.Local = z
			defer func() { time.Local = saved }()
			f(t)
		})
	}
}

// Endless is an endless input, its pattern repeated, as /dev/zero or
// yes(1) give; N counts the bytes read from it.
type Endless struct {
	Pattern []byte
	N       int64
}

func (e *Endless) Read(p []byte) (int, error) {
	off := int(e.N % int64(len(e.Pattern)))
	n := copy(p, e.Pattern[off:])
	for n < len(p) {
		n += copy(p[n:], e.Pattern)
	}
	e.N += int64(n)
	return n, nil
}

// EndlessCase is a run of a command on an endless standard input.
type EndlessCase struct {
	Name    string
	Args    []string
	Pattern string
	Max     int64  // the most bytes it may read
	Stderr  string // its one line of standard error
}

// CheckEndless runs each case in-process, under both host zones: the
// command must stop with exit 2 and one line of standard error, having read
// at most Max bytes of its endless input.
func CheckEndless(t *testing.T, run Run, cases []EndlessCase) {
	t.Helper()
	for _, c := range cases {
		t.Run(c.Name, func(t *testing.T) {
			InZones(t, func(t *testing.T) {
				in := &Endless{Pattern: []byte(c.Pattern)}
				var stderr strings.Builder
				code := run(c.Args, in, io.Discard, &stderr, Env())
				if code != cli.ExitError || stderr.String() != c.Stderr || in.N > c.Max {
					t.Errorf("exit %d after %d bytes (at most %d), stderr %q; want exit 2 and %q", code, in.N, c.Max, stderr.String(), c.Stderr)
				}
			})
		})
	}
}

// Env is the environment of in-process runs: the fixed Clock.
func Env() cli.Env { return cli.Env{Now: Clock} }
