package cli

import (
	"bytes"
	"flag"
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
// an unknown zone.
func TestAt(t *testing.T) {
	got, err := At("12/10/2012 23:59:59 GMT")
	if want := time.Date(2012, 12, 10, 23, 59, 59, 0, time.UTC); err != nil || !got.Equal(want) {
		t.Errorf("TV-4 At = %v, %v; want %v", got, err, want)
	}
	if _, err := At("12/10/2012 23:59:59 XST"); err == nil {
		t.Error("TV-4 At accepted an unknown zone abbreviation")
	}
}

// TestParse checks -h and bad flags.
func TestParse(t *testing.T) {
	for _, c := range []struct {
		name           string
		args           []string
		code           int
		ok             bool
		stdout, stderr string
	}{
		{"help on stdout", []string{"-h"}, ExitOK, false, "usage\n", ""},
		{"bad flag on one line", []string{"-x"}, ExitError, false, "", "cmd: flag provided but not defined: -x (see cmd -h)\n"},
		{"ok", []string{"-v"}, ExitOK, true, "", ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			fs := flag.NewFlagSet("cmd", flag.ContinueOnError)
			fs.Bool("v", false, "")
			var stdout, stderr bytes.Buffer
			code, ok := Parse(fs, c.args, "usage\n", &stdout, &stderr)
			if code != c.code || ok != c.ok {
				t.Errorf("Parse = %d, %v; want %d, %v", code, ok, c.code, c.ok)
			}
			if d := cmp.Diff(c.stdout+"|"+c.stderr, stdout.String()+"|"+stderr.String()); d != "" {
				t.Errorf("output (-want +got):\n%s", d)
			}
		})
	}
}

// TestReadInput checks that errors name no file (callers prefix it).
func TestReadInput(t *testing.T) {
	got, err := ReadInput("-", strings.NewReader("data"))
	if err != nil || string(got) != "data" {
		t.Errorf("ReadInput(-) = %q, %v", got, err)
	}
	if _, err := ReadInput("testdata/nonexistent", nil); err == nil || strings.Contains(err.Error(), "nonexistent") {
		t.Errorf("ReadInput error = %v; want one without the file name", err)
	}
}
