package clitest

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestREADME checks that every command block of README.md and
// examples/README.md is rechecked: it runs an example command whose tests
// call CheckREADME, which reruns the block in-process and compares the
// output (a block of a command without that call would never be checked).
func TestREADME(t *testing.T) {
	root, err := filepath.Abs(filepath.Join("..", "..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	blocks, err := Blocks(root)
	if err != nil {
		t.Fatal(err)
	}
	checked := map[string]bool{}
	for _, b := range blocks {
		name := b.Command(root)
		if _, ok := checked[name]; !ok {
			checked[name] = callsCheckREADME(filepath.Join(root, "examples", name))
		}
		if !checked[name] {
			t.Errorf("%s: block %q runs %q, whose tests do not call clitest.CheckREADME", b.File, b.Lines[0], name)
		}
	}
	if len(blocks) < 5 {
		t.Errorf("found %d command blocks; want at least 5", len(blocks))
	}
}

// callsCheckREADME reports whether a test file of the package in dir calls
// CheckREADME.
func callsCheckREADME(dir string) bool {
	files, _ := filepath.Glob(filepath.Join(dir, "*_test.go"))
	for _, f := range files {
		if b, err := os.ReadFile(f); err == nil && strings.Contains(string(b), "clitest.CheckREADME(") {
			return true
		}
	}
	return false
}

// TestFields checks the shell word splitting of README command lines.
func TestFields(t *testing.T) {
	for _, c := range []struct {
		in        string
		cmd, pipe string
		words     []string
	}{
		{"./examples/certinfo -at 2012-12-11T08:59:59+09:00", "./examples/certinfo -at 2012-12-11T08:59:59+09:00", "",
			[]string{"./examples/certinfo", "-at", "2012-12-11T08:59:59+09:00"}},
		{`./examples/p12check -target centos7 -out /tmp/c.p12 | sed -n '/^wrote/,$p'`, "./examples/p12check -target centos7 -out /tmp/c.p12",
			`sed -n '/^wrote/,$p'`, []string{"./examples/p12check", "-target", "centos7", "-out", "/tmp/c.p12"}},
		{`x -at "12/10/2012 23:59:59 GMT" 'a|b' | grep -E 'at  |access'`, `x -at "12/10/2012 23:59:59 GMT" 'a|b'`, `grep -E 'at  |access'`,
			[]string{"x", "-at", "12/10/2012 23:59:59 GMT", "a|b"}},
		{`x a\ b ""`, `x a\ b ""`, "", []string{"x", "a b", ""}},
	} {
		cmd, pipe := splitPipe(c.in)
		if cmd != c.cmd || pipe != c.pipe {
			t.Errorf("splitPipe(%q) = %q, %q; want %q, %q", c.in, cmd, pipe, c.cmd, c.pipe)
		}
		if d := cmp.Diff(c.words, fields(cmd)); d != "" {
			t.Errorf("fields(%q) (-want +got):\n%s", cmd, d)
		}
	}
}
