package clitest

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// READMEs are the files whose command blocks are checked, relative to the
// repository root.
var READMEs = []string{"README.md", filepath.Join("examples", "README.md")}

// A Block is a fenced block of a README that shows commands and their
// output: "$ " lines are commands (a cd, a go run of an example command,
// possibly piped through grep or sed, or echo $?), the other lines the
// output.
type Block struct {
	File  string   // the README, relative to the root
	Lines []string // the lines of the block
}

// Command returns the name of the example command the block runs, from its
// first "go run" line ("go run ./examples/certinfo", or "go run ../.." in a
// directory below examples/renewcheck), or "".
func (b Block) Command(root string) string {
	dir := root
	for _, l := range b.Lines {
		c, ok := strings.CutPrefix(l, "$ ")
		if !ok {
			continue
		}
		if d, ok := strings.CutPrefix(c, "cd "); ok {
			dir = filepath.Join(dir, d)
			continue
		}
		if rest, ok := strings.CutPrefix(c, "go run "); ok {
			target, _, _ := strings.Cut(rest, " ")
			return filepath.Base(filepath.Join(dir, target))
		}
	}
	return ""
}

var fence = regexp.MustCompile("(?ms)^```[a-z]*\n(.*?)^```$")

// Blocks returns the command blocks of the READMEs under root.
func Blocks(root string) ([]Block, error) {
	var out []Block
	for _, file := range READMEs {
		data, err := os.ReadFile(filepath.Join(root, file))
		if err != nil {
			return nil, err
		}
		for _, m := range fence.FindAllStringSubmatch(string(data), -1) {
			lines := strings.Split(strings.TrimSuffix(m[1], "\n"), "\n")
			if strings.HasPrefix(lines[0], "$ go run") || strings.HasPrefix(lines[0], "$ cd ") {
				out = append(out, Block{file, lines})
			}
		}
	}
	return out, nil
}

// CheckREADME reruns, in-process with run, every block of the READMEs that
// runs the command name, and checks that the output shown is what the
// command prints and that an "echo $?" line shows its exit code. It is
// called from the command's package, two directories below the root.
// Pipelines after the command ("| sed -n ...") run in sh with the
// command's output as input; /tmp/ in a command stands for a temporary
// directory. Runs use time.Local = America/Los_Angeles and the fixed clock.
//
// With -update it rewrites the output lines of those blocks in the READMEs
// instead, and nothing else of them; each command's package rewrites its
// own blocks, so run the packages one at a time (go test -p 1 -update
// ./examples/...), and review the diff.
func CheckREADME(t *testing.T, name string, run Run) {
	t.Helper()
	root, err := filepath.Abs(filepath.Join("..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	blocks, err := Blocks(root)
	if err != nil {
		t.Fatal(err)
	}
	tmp := t.TempDir()
	n := 0
	rewrite := map[string][][2]string{} // README -> [old block, new block]
	for _, b := range blocks {
		if b.Command(root) != name {
			continue
		}
		n++
		if lines := checkBlock(t, b, root, tmp, run); lines != nil {
			rewrite[b.File] = append(rewrite[b.File], [2]string{strings.Join(b.Lines, "\n") + "\n", strings.Join(lines, "\n") + "\n"})
		}
	}
	if n == 0 {
		t.Errorf("no README block runs %s", name)
	}
	for file, blocks := range rewrite {
		path := filepath.Join(root, file)
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		text := string(data)
		for _, b := range blocks {
			text = strings.Replace(text, "```\n"+b[0]+"```", "```\n"+b[1]+"```", 1)
		}
		if text == string(data) {
			continue
		}
		if err := os.WriteFile(path+".tmp", []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		if err := os.Rename(path+".tmp", path); err != nil {
			t.Fatal(err)
		}
		t.Logf("rewrote %d block(s) of %s", len(blocks), file)
	}
}

// checkBlock runs the commands of b and compares their output with the
// block's; with -update it returns the block's lines with the output the
// commands print (nil when they match).
func checkBlock(t *testing.T, b Block, root, tmp string, run Run) []string {
	t.Helper()
	dir := root
	var want, got, lines []string
	exit := 0
	for _, l := range b.Lines {
		c, ok := strings.CutPrefix(l, "$ ")
		if !ok {
			want = append(want, l)
			continue
		}
		lines = append(lines, l)
		switch {
		case strings.HasPrefix(c, "cd "):
			dir = filepath.Join(dir, strings.TrimPrefix(c, "cd "))
			continue
		case c == "echo $?":
			got = append(got, strconv.Itoa(exit))
			lines = append(lines, strconv.Itoa(exit))
			continue
		}
		rest, ok := strings.CutPrefix(c, "go run ")
		if !ok {
			t.Errorf("%s: block %q: cannot run %q in-process", b.File, b.Lines[0], c)
			return nil
		}
		cmdline, pipeline := splitPipe(rest)
		args := fields(cmdline)[1:] // the package path first
		for i, a := range args {
			args[i] = strings.ReplaceAll(a, "/tmp/", tmp+"/")
		}
		r := InProcess(t, run, Case{Args: args, Dir: dir}, zones()[0])
		out := r.Stdout
		exit = r.Exit
		if pipeline != "" {
			sh := exec.Command("sh", "-c", pipeline)
			sh.Dir = dir
			sh.Stdin = strings.NewReader(out)
			var o bytes.Buffer
			sh.Stdout = &o
			err := sh.Run()
			out, exit = o.String(), sh.ProcessState.ExitCode()
			if err != nil && exit < 0 {
				t.Fatalf("%s: %v", pipeline, err)
			}
		}
		out = strings.ReplaceAll(out, tmp+"/", "/tmp/")
		outLines := strings.Split(strings.TrimRight(out, "\n"), "\n")
		got = append(got, outLines...)
		lines = append(lines, outLines...)
	}
	d := cmp.Diff(strings.Join(want, "\n"), strings.Join(got, "\n"))
	switch {
	case d == "":
		return nil
	case *update:
		return lines
	}
	t.Errorf("%s block %q is stale (run go test -p 1 -update ./examples/... to rewrite; -want +got):\n%s", b.File, b.Lines[0], d)
	return nil
}

// splitPipe splits a command line at its first unquoted "|".
func splitPipe(s string) (cmd, pipeline string) {
	quote := byte(0)
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case quote != 0:
			if c == quote {
				quote = 0
			}
		case c == '\'' || c == '"':
			quote = c
		case c == '|':
			return strings.TrimSpace(s[:i]), strings.TrimSpace(s[i+1:])
		}
	}
	return strings.TrimSpace(s), ""
}

// fields splits a command line into words as sh does for the simple
// quoting the READMEs use: single and double quotes, and backslash outside
// quotes.
func fields(s string) []string {
	var out []string
	var w strings.Builder
	in, quote := false, byte(0)
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case quote != 0 && c == quote:
			quote = 0
		case quote != 0:
			w.WriteByte(c)
		case c == '\'' || c == '"':
			quote, in = c, true
		case c == '\\' && i+1 < len(s):
			i++
			w.WriteByte(s[i])
			in = true
		case c == ' ' || c == '\t':
			if in {
				out = append(out, w.String())
				w.Reset()
				in = false
			}
		default:
			w.WriteByte(c)
			in = true
		}
	}
	if in {
		out = append(out, w.String())
	}
	return out
}
