// Package clitest runs the example binaries in tests and compares what
// they print and how they exit with golden files.
//
// A test builds its binary once with [Build] (go build -o into a temporary
// directory), then calls [Check] per case. Check runs the binary twice,
// with TZ=America/Los_Angeles and TZ=Asia/Tokyo, and requires both runs to
// agree, so no output can depend on the host's zone. The golden file
// testdata/golden/NAME.txt (spaces in NAME as underscores) holds the command line, the exit code, standard
// output and standard error; `go test -update` rewrites it.
package clitest

import (
	"bytes"
	"errors"
	"flag"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// Update is the -update flag: rewrite golden files instead of comparing.
var update = flag.Bool("update", false, "rewrite golden files in testdata/golden")

// Updating reports whether the test binary runs with -update.
func Updating() bool { return *update }

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

// A Case is one run of a binary.
type Case struct {
	Name  string   // golden file name, testdata/golden/Name.txt; rule id first where one applies
	Args  []string // command-line arguments
	Stdin string   // standard input
	Dir   string   // working directory; "" means the package directory
}

// Result is what a run produced.
type Result struct {
	Exit   int
	Stdout string
	Stderr string
}

// Run runs bin with the case's arguments and standard input under the
// given TZ.
func Run(t testing.TB, bin string, c Case, tzName string) Result {
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
	if s == "" || strings.ContainsAny(s, " \t\n'\"$\\*?") {
		return strconv.Quote(s)
	}
	return s
}

// Check runs the case under two host zones, requires the same result from
// both, and compares it with testdata/golden/c.Name.txt (or rewrites that
// file with -update). Differences are reported as (-want +got).
func Check(t *testing.T, bin, name string, c Case) Result {
	t.Helper()
	la := Run(t, bin, c, "America/Los_Angeles")
	tokyo := Run(t, bin, c, "Asia/Tokyo")
	got := Format(name, c, la)
	if d := cmp.Diff(got, Format(name, c, tokyo)); d != "" {
		t.Errorf("output depends on TZ (-Los_Angeles +Tokyo):\n%s", d)
	}
	path := filepath.Join("testdata", "golden", strings.ReplaceAll(c.Name, " ", "_")+".txt")
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return la
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if d := cmp.Diff(string(want), got); d != "" {
		t.Errorf("%s mismatch (-want +got):\n%s", path, d)
	}
	return la
}

// CheckFixture compares the file testdata/NAME with want, the bytes its
// generator makes now, and rewrites the file instead under -update. Fixtures
// made with fixed keys are the same on every run, so a stale one fails.
func CheckFixture(t *testing.T, name string, want []byte) {
	t.Helper()
	path := filepath.Join("testdata", filepath.FromSlash(name))
	if Updating() {
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
