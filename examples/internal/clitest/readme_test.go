package clitest

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestREADME runs the commands shown in README.md and examples/README.md
// and checks that the output pasted there is what they print, so that the
// READMEs cannot drift from the binaries. A shown block starts with "$ " lines
// (commands, possibly a cd and a pipe through grep or sed) followed by
// the output; "go run ./examples/NAME" runs the binary built from
// examples/NAME, and /tmp/ stands for a temporary directory.
func TestREADME(t *testing.T) {
	if testing.Short() {
		t.Skip("builds every binary")
	}
	root, err := filepath.Abs(filepath.Join("..", "..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	bin := t.TempDir()
	tmp := t.TempDir()
	for _, name := range []string{"certinfo", "contractcheck", "renewcheck", "p12check"} {
		cmd := exec.Command("go", "build", "-o", filepath.Join(bin, name), "./examples/"+name)
		cmd.Dir = root
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("go build %s: %v\n%s", name, err, out)
		}
	}
	goRun := regexp.MustCompile(`go run (?:\./examples/|\.\./\.\./\.\./)(\w+)|go run \.\./\.\.`)
	for _, file := range []string{filepath.Join("examples", "README.md"), "README.md"} {
		readme, err := os.ReadFile(filepath.Join(root, file))
		if err != nil {
			t.Fatal(err)
		}
		checkREADME(t, file, string(readme), root, bin, tmp, goRun)
	}
}

// checkREADME reruns every "$ go run" block of one README and compares its
// output with the block.
func checkREADME(t *testing.T, file, readme, root, bin, tmp string, goRun *regexp.Regexp) {
	t.Helper()
	blocks := regexp.MustCompile("(?ms)^```[a-z]*\n(.*?)^```$").FindAllStringSubmatch(readme, -1)
	n := 0
	for _, b := range blocks {
		lines := strings.Split(strings.TrimSuffix(b[1], "\n"), "\n")
		if !strings.HasPrefix(lines[0], "$ go run") && !strings.HasPrefix(lines[0], "$ cd ") {
			continue
		}
		dir := root
		var want, got []string
		for _, l := range lines {
			if !strings.HasPrefix(l, "$ ") {
				want = append(want, l)
				continue
			}
			c := strings.TrimPrefix(l, "$ ")
			switch {
			case strings.HasPrefix(c, "cd "):
				dir = filepath.Join(dir, strings.TrimPrefix(c, "cd "))
				continue
			case c == "echo $?":
				continue // the exit code shown is checked by the golden tests
			}
			c = strings.ReplaceAll(c, "/tmp/", tmp+"/")
			c = goRun.ReplaceAllStringFunc(c, func(m string) string {
				if m == "go run ../.." {
					return filepath.Join(bin, filepath.Base(filepath.Dir(filepath.Dir(dir))))
				}
				return filepath.Join(bin, goRun.FindStringSubmatch(m)[1])
			})
			cmd := exec.Command("sh", "-c", c)
			cmd.Dir = dir
			cmd.Env = append(os.Environ(), "TZ=America/Los_Angeles")
			out, err := cmd.Output()
			if ee, ok := err.(*exec.ExitError); ok && len(out) == 0 {
				t.Logf("%s: %v: %s", c, err, ee.Stderr)
			}
			got = append(got, strings.Split(strings.TrimRight(strings.ReplaceAll(string(out), tmp+"/", "/tmp/"), "\n"), "\n")...)
		}
		if len(want) > 0 && (want[len(want)-1] == "1" || want[len(want)-1] == "0") && strings.Contains(b[1], "$ echo $?") {
			want = want[:len(want)-1]
		}
		n++
		if d := cmp.Diff(strings.Join(want, "\n"), strings.Join(got, "\n")); d != "" {
			t.Errorf("%s block %q is stale (-want +got):\n%s", file, lines[0], d)
		}
	}
	if n < 5 {
		t.Errorf("checked %d blocks of %s; want at least 5", n, file)
	}
}
