package renewal

import (
	"crypto/x509"
	"encoding/json"
	"errors"
	"math/big"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

func TestParseRenewalInfo(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want RenewalInfo
		bad  bool
		// detail, when set, is the error's Detail.
		detail string
	}{
		{name: "RN-13 RFC 9773 section 4.2 example",
			in:   `{"suggestedWindow": {"start": "2021-01-03T00:00:00Z", "end": "2021-01-07T00:00:00Z"}, "explanationURL": "https://example.com/docs/ari"}`,
			want: RenewalInfo{Start: utc(2021, 1, 3, 0, 0, 0), End: utc(2021, 1, 7, 0, 0, 0), ExplanationURL: "https://example.com/docs/ari"}},
		{name: "RN-13 without explanationURL, with offsets and fractions",
			in:   `{"suggestedWindow": {"start": "2026-10-30T09:00:00.5+09:00", "end": "2026-11-01T00:00:00Z"}}`,
			want: RenewalInfo{Start: utc(2026, 10, 30, 0, 0, 0).Add(500 * time.Millisecond), End: utc(2026, 11, 1, 0, 0, 0)}},
		{name: "RN-13 unknown fields are ignored",
			in:   `{"suggestedWindow": {"start": "2026-10-30T00:00:00Z", "end": "2026-11-01T00:00:00Z", "x": 1}, "future": [1, 2]}`,
			want: RenewalInfo{Start: utc(2026, 10, 30, 0, 0, 0), End: utc(2026, 11, 1, 0, 0, 0)}},
		{name: "RN-13 end equal to start is invalid", bad: true,
			in: `{"suggestedWindow": {"start": "2026-10-30T00:00:00Z", "end": "2026-10-30T00:00:00Z"}}`},
		{name: "RN-13 end before start is invalid", bad: true,
			in: `{"suggestedWindow": {"start": "2026-11-01T00:00:00Z", "end": "2026-10-30T00:00:00Z"}}`},
		{name: "RN-13 no suggestedWindow", bad: true, in: `{"explanationURL": "https://example.com/"}`},
		{name: "RN-13 no end", bad: true, in: `{"suggestedWindow": {"start": "2026-10-30T00:00:00Z"}}`},
		{name: "RN-13 a timestamp without an offset", bad: true, in: `{"suggestedWindow": {"start": "2026-10-30T00:00:00", "end": "2026-11-01T00:00:00Z"}}`},
		{name: "RN-13 a timestamp that is a number", bad: true, in: `{"suggestedWindow": {"start": 1, "end": "2026-11-01T00:00:00Z"}}`,
			detail: "suggestedWindow.start is a JSON number, not a string"},
		{name: "RN-13 a relative explanationURL", bad: true, in: `{"suggestedWindow": {"start": "2026-10-30T00:00:00Z", "end": "2026-11-01T00:00:00Z"}, "explanationURL": "/docs"}`},
		{name: "RN-13 a javascript: explanationURL", bad: true, in: `{"suggestedWindow": {"start": "2026-10-30T00:00:00Z", "end": "2026-11-01T00:00:00Z"}, "explanationURL": "javascript:alert(1)"}`},
		{name: "RN-13 not an object", bad: true, in: `[1]`},
		{name: "RN-13 null", bad: true, in: `null`},
		{name: "RN-13 trailing data", bad: true, in: `{"suggestedWindow": {"start": "2026-10-30T00:00:00Z", "end": "2026-11-01T00:00:00Z"}} {}`},
		{name: "RN-13 truncated", bad: true, in: `{"suggestedWindow": {"start": "2026-10-30T00:00:00Z"`},
		{name: "RN-13 empty", bad: true, in: ``},
		{name: "RN-13 suggestedWindow twice: the reading would depend on the parser", bad: true,
			in:     `{"suggestedWindow": {"start": "2026-10-30T00:00:00Z", "end": "2026-11-01T00:00:00Z"}, "suggestedWindow": {"start": "2026-12-30T00:00:00Z", "end": "2027-01-01T00:00:00Z"}}`,
			detail: "suggestedWindow appears twice (RFC 8259 section 4)"},
		{name: "RN-13 start twice in the window", bad: true,
			in:     `{"suggestedWindow": {"start": "2026-10-30T00:00:00Z", "end": "2026-11-01T00:00:00Z", "start": "2026-10-31T00:00:00Z"}}`,
			detail: "suggestedWindow.start appears twice (RFC 8259 section 4)"},
		{name: "RN-13 explanationURL twice", bad: true,
			in:     `{"explanationURL": "https://a.example/", "suggestedWindow": {"start": "2026-10-30T00:00:00Z", "end": "2026-11-01T00:00:00Z"}, "explanationURL": "https://b.example/"}`,
			detail: "explanationURL appears twice (RFC 8259 section 4)"},
		{name: "RN-13 repeated names in an extension and the same names at other levels are left alone",
			in:   `{"x": {"start": 1, "start": 2}, "start": "no", "suggestedWindow": {"start": "2026-10-30T00:00:00Z", "end": "2026-11-01T00:00:00Z", "w": {"end": [1, {"end": 2, "end": 3}]}}}`,
			want: RenewalInfo{Start: utc(2026, 10, 30, 0, 0, 0), End: utc(2026, 11, 1, 0, 0, 0)}},
		{name: "RN-13 member names are matched exactly: SuggestedWindow is not suggestedWindow", bad: true,
			in:     `{"SuggestedWindow": {"start": "2026-10-30T00:00:00Z", "end": "2026-11-01T00:00:00Z"}}`,
			detail: "no suggestedWindow"},
		{name: "RN-13 member names are matched exactly: START is not start", bad: true,
			in:     `{"suggestedWindow": {"START": "2026-10-30T00:00:00Z", "end": "2026-11-01T00:00:00Z"}}`,
			detail: "suggestedWindow lacks start or end"},
		{name: "RN-13 suggestedWindow null", bad: true, in: `{"suggestedWindow": null}`, detail: "no suggestedWindow"},
		{name: "RN-13 suggestedWindow an array", bad: true, in: `{"suggestedWindow": ["2026-10-30T00:00:00Z"]}`,
			detail: "suggestedWindow is a JSON array, not an object"},
		{name: "RN-13 explanationURL a number", bad: true,
			in:     `{"suggestedWindow": {"start": "2026-10-30T00:00:00Z", "end": "2026-11-01T00:00:00Z"}, "explanationURL": 7}`,
			detail: "explanationURL is a JSON number, not a string"},
		{name: "RN-13 not UTF-8 (RFC 8259 section 8.1)", bad: true,
			in:     "{\"suggestedWindow\": {\"start\": \"2026-10-30T00:00:00Z\", \"end\": \"2026-11-01T00:00:00Z\"}, \"explanationURL\": \"https://a.example/\xff\"}",
			detail: "not UTF-8 text (RFC 8259 section 8.1)"},
		{name: "RN-13 larger than 64 KiB", bad: true, in: `{"suggestedWindow": {"start": "2026-10-30T00:00:00Z", "end": "2026-11-01T00:00:00Z"}, "pad": "` + strings.Repeat("x", 70000) + `"}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ParseRenewalInfo([]byte(tt.in))
			if tt.bad {
				var e *Error
				if !errors.As(err, &e) || e.Reason != ReasonBadRenewalInfo {
					t.Fatalf("ParseRenewalInfo() = %v, %v; want ReasonBadRenewalInfo", got, err)
				}
				if tt.detail != "" && e.Detail != tt.detail {
					t.Errorf("Detail = %q, want %q", e.Detail, tt.detail)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, got, cmp.Comparer(time.Time.Equal)); diff != "" {
				t.Errorf("ParseRenewalInfo() mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

func TestParseRetryAfter(t *testing.T) {
	at := utc(2026, 10, 1, 0, 0, 0)
	tests := []struct {
		name string
		in   string
		want time.Duration
		bad  Reason
	}{
		{name: "RN-13 delta-seconds of RFC 9773's example", in: "21600", want: 6 * time.Hour},
		{name: "RN-13 delta-seconds with spaces", in: " \t3600 ", want: time.Hour},
		{name: "RN-13 zero clamps to a minute", in: "0", want: time.Minute},
		{name: "RN-13 59 s clamps to a minute", in: "59", want: time.Minute},
		{name: "RN-13 a day is kept", in: "86400", want: 24 * time.Hour},
		{name: "RN-13 a day and a second clamps to a day", in: "86401", want: 24 * time.Hour},
		{name: "RN-13 a huge number clamps to a day, no overflow", in: "99999999999999999999999999999999", want: 24 * time.Hour},
		{name: "RN-13 IMF-fixdate", in: "Thu, 01 Oct 2026 02:00:00 GMT", want: 2 * time.Hour},
		{name: "RN-13 obsolete RFC 850 date", in: "Thursday, 01-Oct-26 03:00:00 GMT", want: 3 * time.Hour},
		{name: "RN-13 obsolete asctime date", in: "Thu Oct  1 04:00:00 2026", want: 4 * time.Hour},
		{name: "RN-13 a date in the past clamps to a minute", in: "Wed, 30 Sep 2026 00:00:00 GMT", want: time.Minute},
		{name: "RN-13 a date next year clamps to a day", in: "Fri, 01 Oct 2027 00:00:00 GMT", want: 24 * time.Hour},
		{name: "RN-13 a negative number", in: "-5", bad: ReasonBadRetryAfter},
		{name: "RN-13 a fraction", in: "1.5", bad: ReasonBadRetryAfter},
		{name: "RN-13 empty", in: "", bad: ReasonBadRetryAfter},
		{name: "RN-13 a date in another zone", in: "Thu, 01 Oct 2026 02:00:00 JST", bad: ReasonBadRetryAfter},
		{name: "RN-13 words", in: "soon", bad: ReasonBadRetryAfter},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ParseRetryAfter(tt.in, at)
			if tt.bad != 0 {
				var e *Error
				if !errors.As(err, &e) || e.Reason != tt.bad {
					t.Fatalf("ParseRetryAfter(%q) = %v, %v; want %v", tt.in, got, err, tt.bad)
				}
				return
			}
			if err != nil || got != tt.want {
				t.Errorf("ParseRetryAfter(%q) = %v, %v; want %v", tt.in, got, err, tt.want)
			}
		})
	}
	if _, err := ParseRetryAfter("60", time.Time{}); err == nil {
		t.Error("RN-13 a zero instant is accepted")
	}
}

func TestARICertID(t *testing.T) {
	aki := []byte{0x69, 0x88, 0x5B, 0x6B, 0x87, 0x46, 0x40, 0x41, 0xE1, 0xB3, 0x7B, 0x84, 0x7B, 0xA0, 0xAE, 0x2C, 0xDE, 0x01, 0xC8, 0xD4}
	tests := []struct {
		name   string
		cert   *x509.Certificate
		want   string
		reason Reason
	}{
		{name: "RN-13 RFC 9773 example: a leading 0x00 for a high bit", cert: &x509.Certificate{AuthorityKeyId: aki, SerialNumber: big.NewInt(0x87654321)},
			want: "aYhba4dGQEHhs3uEe6CuLN4ByNQ.AIdlQyE"},
		{name: "RN-13 no leading zero without the high bit", cert: &x509.Certificate{AuthorityKeyId: []byte{1}, SerialNumber: big.NewInt(0x0102)},
			want: "AQ.AQI"},
		{name: "RN-13 serial zero", cert: &x509.Certificate{AuthorityKeyId: []byte{1}, SerialNumber: big.NewInt(0)}, want: "AQ.AA"},
		{name: "RN-13 a negative serial in two's complement", cert: &x509.Certificate{AuthorityKeyId: []byte{1}, SerialNumber: big.NewInt(-1)}, want: "AQ._w"},
		{name: "RN-13 no AKI is an error, not an empty string", cert: &x509.Certificate{SerialNumber: big.NewInt(1)}, reason: ReasonNoKeyID},
		{name: "RN-13 a nil certificate", reason: ReasonNoKeyID},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ARICertID(tt.cert)
			if tt.reason != 0 {
				var e *Error
				if !errors.As(err, &e) || e.Reason != tt.reason || got != "" {
					t.Fatalf("ARICertID() = %q, %v; want %v", got, err, tt.reason)
				}
				return
			}
			if err != nil || got != tt.want {
				t.Errorf("ARICertID() = %q, %v; want %q", got, err, tt.want)
			}
		})
	}
}

// Fuzz targets: no panic, every error is an *Error, and a parsed
// renewalInfo survives a round trip through JSON.

func FuzzParseRenewalInfo(f *testing.F) {
	for _, s := range renewalInfoSeeds {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		ri, err := ParseRenewalInfo(data)
		if err != nil {
			var e *Error
			if !errors.As(err, &e) || e.Reason != ReasonBadRenewalInfo {
				t.Fatalf("error %v (%T) is not a renewal *Error with ReasonBadRenewalInfo", err, err)
			}
			return
		}
		if !ri.End.After(ri.Start) {
			t.Fatalf("accepted a window whose end %v is not after its start %v", ri.End, ri.Start)
		}
		type window struct {
			Start string `json:"start"`
			End   string `json:"end"`
		}
		out, err := json.Marshal(struct {
			W   window `json:"suggestedWindow"`
			URL string `json:"explanationURL,omitempty"`
		}{window{ri.Start.Format(time.RFC3339Nano), ri.End.Format(time.RFC3339Nano)}, ri.ExplanationURL})
		if err != nil {
			t.Fatal(err)
		}
		again, err := ParseRenewalInfo(out)
		if err != nil || !again.Start.Equal(ri.Start) || !again.End.Equal(ri.End) || again.ExplanationURL != ri.ExplanationURL {
			t.Fatalf("round trip of %s: %+v, %v; want %+v", out, again, err, ri)
		}
	})
}

func FuzzParseRetryAfter(f *testing.F) {
	for _, s := range retryAfterSeeds {
		f.Add(s)
	}
	at := utc(2026, 10, 1, 0, 0, 0)
	f.Fuzz(func(t *testing.T, v string) {
		d, err := ParseRetryAfter(v, at)
		if err != nil {
			var e *Error
			if !errors.As(err, &e) || e.Reason != ReasonBadRetryAfter {
				t.Fatalf("error %v (%T) is not a renewal *Error with ReasonBadRetryAfter", err, err)
			}
			return
		}
		if d < RetryAfterMin || d > RetryAfterMax {
			t.Fatalf("ParseRetryAfter(%q) = %v, outside [%v, %v]", v, d, RetryAfterMin, RetryAfterMax)
		}
		// Round trip: delta-seconds of the result give the result.
		if again, err := ParseRetryAfter(strconv.FormatInt(int64(d/time.Second), 10), at); err != nil || again != d.Truncate(time.Second) {
			t.Fatalf("round trip of %v: %v, %v", d, again, err)
		}
	})
}

var renewalInfoSeeds = []string{
	`{"suggestedWindow": {"start": "2021-01-03T00:00:00Z", "end": "2021-01-07T00:00:00Z"}, "explanationURL": "https://example.com/docs/ari"}`,
	`{"suggestedWindow": {"start": "2026-10-30T09:00:00.5+09:00", "end": "2026-11-01T00:00:00Z"}}`,
	`{"suggestedWindow": {"start": "2026-11-01T00:00:00Z", "end": "2026-10-30T00:00:00Z"}}`,
	`{"suggestedWindow": {"start": 1}}`,
	`{"suggestedWindow": {"start": "2026-10-30T00:00:00Z", "end": "2026-11-01T00:00:00Z", "start": "2026-10-31T00:00:00Z"}, "x": {"a": [{"a": 1, "a": 2}]}}`,
	`{"SuggestedWindow": {"START": "2026-10-30T00:00:00Z"}, "explanationURL": ["https://a.example/"]}`,
	`null`,
	``,
}

var retryAfterSeeds = []string{"21600", "0", "99999999999999999999", "Thu, 01 Oct 2026 02:00:00 GMT",
	"Thursday, 01-Oct-26 03:00:00 GMT", "Thu Oct  1 04:00:00 2026", "-5", "soon", ""}

// TestUpdateARIFuzzCorpus rewrites the seed corpora of the ARI fuzz
// targets with -update.
func TestUpdateARIFuzzCorpus(t *testing.T) {
	if !*update {
		t.Skip("run with -update to rewrite the seed corpus")
	}
	write := func(target string, i int, line string) {
		dir := filepath.Join("testdata", "fuzz", target)
		if err := os.MkdirAll(dir, 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, "seed-"+strconv.Itoa(i)), []byte("go test fuzz v1\n"+line+"\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for i, s := range renewalInfoSeeds {
		write("FuzzParseRenewalInfo", i, "[]byte("+strconv.Quote(s)+")")
	}
	for i, s := range retryAfterSeeds {
		write("FuzzParseRetryAfter", i, "string("+strconv.Quote(s)+")")
	}
}
