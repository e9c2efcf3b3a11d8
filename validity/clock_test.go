package validity_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestTV1NoClockNoLocalZone keeps the library free of the clock and the
// host's zone: no time.Now, time.Since, time.Until, time.Local or
// time.LoadLocation in non-test files.
func TestTV1NoClockNoLocalZone(t *testing.T) {
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, bad := range []string{"time.Now", "time.Since", "time.Until", "time.Local", "time.LoadLocation"} {
			if strings.Contains(string(b), bad) {
				t.Errorf("TV-1 %s uses %s", f, bad)
			}
		}
	}
}
