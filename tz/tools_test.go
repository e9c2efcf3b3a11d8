package tz

import (
	"bufio"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
)

// A toolLine is one line of testdata/tools.tsv: text a real tool printed
// and what Parse must make of it (see testdata/gentools.sh).
type toolLine struct {
	id, want, command, text string
}

func readToolLines(t *testing.T) []toolLine {
	t.Helper()
	f, err := os.Open(filepath.Join("testdata", "tools.tsv"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var ls []toolLine
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if strings.HasPrefix(sc.Text(), "#") {
			continue
		}
		fs := strings.SplitN(sc.Text(), "\t", 4) // the text may hold tabs (certtool indents with them)
		if len(fs) != 4 {
			t.Fatalf("tools.tsv: %q has %d columns, want 4", sc.Text(), len(fs))
		}
		ls = append(ls, toolLine{fs[0], fs[1], fs[2], fs[3]})
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	if len(ls) < 200 {
		t.Fatalf("tools.tsv has %d lines; regenerate it with testdata/gentools.sh", len(ls))
	}
	return ls
}

// TestToolOutputs parses every timestamp that testdata/gentools.sh
// collected from date, openssl, certtool, gnutls-cli, keytool, Java, Node
// and curl (TV-4), and checks the instant, or the refusal of an ambiguous
// zone abbreviation and of a Japanese hour of 12.
func TestToolOutputs(t *testing.T) {
	for _, l := range readToolLines(t) {
		t.Run("TV-4 "+l.id+" "+l.command, func(t *testing.T) {
			got, err := Parse(l.text)
			want, us, found := strings.Cut(l.want, " us=")
			switch want {
			case "ambiguous", "twelve-hour":
				reason := ReasonAmbiguousZone
				if want == "twelve-hour" {
					reason = ReasonTwelveHour
				}
				var pe *ParseError
				if !errors.As(err, &pe) || pe.Reason != reason {
					t.Fatalf("Parse(%q) = %v, %v; want a *ParseError with %v", l.text, got, err, reason)
				}
				if !found {
					return
				}
				got, err = Parser{USZones: true}.Parse(l.text)
				want = us
			}
			if err != nil {
				t.Fatalf("Parse(%q): %v", l.text, err)
			}
			w, err := time.Parse(time.RFC3339, want)
			if err != nil {
				t.Fatal(err)
			}
			if !got.Equal(w) {
				t.Errorf("Parse(%q) = %v, want %v", l.text, got.UTC(), w)
			}
		})
	}
}

// TestToolsLive runs the tools of TestToolOutputs that start quickly on
// this machine, and parses what they print now: coreutils date (C
// locale), openssl x509, certtool, keytool and node. Locally a missing tool
// skips its case; under CI=true it fails.
func TestToolsLive(t *testing.T) {
	const epoch = 1355183999 // 2012-12-10T23:59:59Z
	want := time.Unix(epoch, 0)
	// The TV-2 certificate (server FAQ Q9), written by gentools.sh.
	pem := filepath.Join("testdata", "gentools", "q9.pem")
	nb := time.Date(2011, 12, 10, 0, 0, 0, 0, time.UTC)
	cases := []struct {
		name string
		env  []string
		argv []string
		pick func(out string) []string // the timestamps in the output
		want []time.Time
	}{
		{"TV-4 date in the C locale in JST", []string{"TZ=Asia/Tokyo", "LC_ALL=C"}, []string{"date", "-d", "@" + strconv.Itoa(epoch)}, lines, []time.Time{want}},
		{"TV-4 date in the C locale in UTC", []string{"TZ=UTC", "LC_ALL=C"}, []string{"date", "-d", "@" + strconv.Itoa(epoch)}, lines, []time.Time{want}},
		{"TV-4 date -R", []string{"TZ=Asia/Tokyo", "LC_ALL=C"}, []string{"date", "-R", "-d", "@" + strconv.Itoa(epoch)}, lines, []time.Time{want}},
		{"TV-4 openssl x509 -dates", nil, []string{"openssl", "x509", "-in", pem, "-noout", "-dates"}, lines, []time.Time{nb, want}},
		{"TV-4 openssl x509 -text", nil, []string{"openssl", "x509", "-in", pem, "-noout", "-text"}, grep("Not "), []time.Time{nb, want}},
		{"TV-4 certtool -i", nil, []string{"certtool", "-i", "--infile", pem}, grep("Not "), []time.Time{nb, want}},
		{"TV-4 keytool -printcert in JST", []string{"TZ=Asia/Tokyo"}, []string{"keytool", "-J-Duser.language=en", "-printcert", "-file", pem}, keytoolFields, []time.Time{nb, want}},
		{"TV-4 node Date.toString and toLocaleString", []string{"TZ=Asia/Tokyo"}, []string{"node", "-e",
			"const d = new Date(" + strconv.Itoa(epoch) + "000); console.log(d.toString()); " +
				"console.log(d.toLocaleString('ja-JP', {timeZone: 'Asia/Tokyo', timeZoneName: 'long'}))"}, lines, []time.Time{want, want}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			path, err := exec.LookPath(c.argv[0])
			if err != nil {
				if os.Getenv("CI") == "true" {
					t.Fatalf("%s is not installed: %v", c.argv[0], err)
				}
				t.Skipf("%s is not installed: %v", c.argv[0], err)
			}
			cmd := exec.Command(path, c.argv[1:]...)
			cmd.Env = append(os.Environ(), c.env...)
			out, err := cmd.Output()
			if err != nil {
				t.Fatalf("%s: %v", strings.Join(c.argv, " "), err)
			}
			texts := c.pick(string(out))
			if len(texts) != len(c.want) {
				t.Fatalf("%s printed %q; found %d timestamps, want %d", c.argv[0], out, len(texts), len(c.want))
			}
			for i, text := range texts {
				got, err := Parse(text)
				if err != nil || !got.Equal(c.want[i]) {
					t.Errorf("Parse(%q) = %v, %v; want %v", text, got, err, c.want[i])
				}
			}
		})
	}
}

func lines(out string) []string {
	return strings.Split(strings.TrimSpace(out), "\n")
}

func grep(s string) func(string) []string {
	return func(out string) []string {
		var ls []string
		for _, l := range lines(out) {
			if strings.Contains(l, s) {
				ls = append(ls, l)
			}
		}
		return ls
	}
}

// keytoolFields splits keytool's "Valid from: A until: B" into its two
// fields, each with its label.
func keytoolFields(out string) []string {
	for _, l := range lines(out) {
		if from, until, ok := strings.Cut(strings.TrimSpace(l), " until: "); ok && strings.HasPrefix(from, "Valid from:") {
			return []string{from, "until: " + until}
		}
	}
	return nil
}
