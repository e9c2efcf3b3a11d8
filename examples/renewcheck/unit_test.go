package main

import (
	"io"
	"strings"
	"testing"
	"time"

	"github.com/certlife/certlife/examples/internal/cli"
	"github.com/certlife/certlife/renewal"
)

// TestMaxCerts checks that renewcheck, which holds what it judges of every
// certificate until the end, refuses to read more than maxCerts of them
// (here one certificate repeated), with one error line, in bounded memory.
func TestMaxCerts(t *testing.T) {
	in := strings.Repeat(readFile(t, crt), maxCerts+1)
	var stderr strings.Builder
	code := run([]string{"-at", "2026-06-01", "-"}, strings.NewReader(in), io.Discard, &stderr, cli.Env{})
	want := "renewcheck: -: more than 10000 certificates: renewcheck judges the certificates of a server or a few; name fewer files (certinfo reads any number)\n"
	if code != cli.ExitError || stderr.String() != want {
		t.Errorf("exit %d, stderr %q; want exit 2 and %q", code, stderr.String(), want)
	}
}

// TestParseHours checks -business-hours: HH:MM-HH:MM from 00:00 to 24:00,
// open before close, to the minute.
func TestParseHours(t *testing.T) {
	for _, c := range []struct {
		in          string
		open, close time.Duration
		ok          bool
	}{
		{"10:00-17:00", 10 * time.Hour, 17 * time.Hour, true},
		{"00:00-24:00", 0, 24 * time.Hour, true},
		{"09:30-09:31", 9*time.Hour + 30*time.Minute, 9*time.Hour + 31*time.Minute, true},
		{"17:00-10:00", 0, 0, false}, // closes before it opens
		{"10:00-10:00", 0, 0, false}, // never open
		{"10:00-24:01", 0, 0, false},
		{"9:00-17:00", 0, 0, false}, // two digits each
		{"10:60-17:00", 0, 0, false},
		{"10:00", 0, 0, false},
		{"", 0, 0, false},
	} {
		open, close, err := parseHours(c.in)
		if (err == nil) != c.ok || open != c.open || close != c.close {
			t.Errorf("parseHours(%q) = %v, %v, %v; want %v, %v, ok %v", c.in, open, close, err, c.open, c.close, c.ok)
		}
	}
}

// TestParsePreset checks -preset: every preset by its name in any case,
// and "seed" for the seed CA.
func TestParsePreset(t *testing.T) {
	for _, p := range renewal.Presets() {
		for _, name := range []string{p.String(), strings.ToLower(p.String()), strings.ToUpper(p.String())} {
			if got, err := parsePreset(name); err != nil || got != p {
				t.Errorf("parsePreset(%q) = %v, %v; want %v", name, got, err, p)
			}
		}
	}
	if got, err := parsePreset("seed"); err != nil || got != renewal.SeedCA {
		t.Errorf("parsePreset(seed) = %v, %v", got, err)
	}
	if _, err := parsePreset("letsencrypt"); err == nil || !strings.Contains(err.Error(), "ACME") {
		t.Errorf("parsePreset(letsencrypt) error %v; want one listing the presets", err)
	}
}
