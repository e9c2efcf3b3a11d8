package pkce

import (
	"bytes"
	"encoding/hex"
	"errors"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func unhex(s string) []byte {
	b, err := hex.DecodeString(s)
	if err != nil {
		panic(err)
	}
	return b
}

// TestBER: the BER reader's conversions (X.690 sections 8.1.3, 8.7.3 and
// 10), each case a construct NSS or Bouncy Castle writes, or a shape a
// hostile file uses.
func TestBER(t *testing.T) {
	tests := []struct {
		name, in, want string
		changed        bool
		err            error
		reason         Reason
	}{
		{name: "PK-4 DER is returned as is", in: "3006020103040100", want: "3006020103040100"},
		{name: "PK-4 indefinite SEQUENCE", in: "308002010300 00", want: "3003020103", changed: true},
		{name: "PK-4 nested indefinite lengths", in: "3080 3080 0500 0000 0000", want: "3004 3002 0500", changed: true},
		{name: "PK-4 constructed OCTET STRING in chunks", in: "2480 0402aabb 0401cc 0000", want: "0403aabbcc", changed: true},
		{name: "PK-4 constructed OCTET STRING with a definite length", in: "2407 0402aabb 0401cc", want: "0403aabbcc", changed: true},
		{name: "PK-4 chunks nested in chunks", in: "2480 2480 0401aa 0000 0401bb 0000", want: "0402aabb", changed: true},
		{name: "PK-4 constructed BMPString", in: "3e80 1e020041 1e020042 0000", want: "1e0400410042", changed: true},
		{name: "PK-4 non-minimal length", in: "30820003020103", want: "3003020103", changed: true},
		{name: "PK-4 long-form length under 128", in: "308103020103", want: "3003020103", changed: true},
		{name: "PK-4 [0] IMPLICIT constructed left to the parser", in: "a080 0401aa 0000", want: "a003 0401aa", changed: true},
		{name: "PK-4 primitive OCTET STRING content is not read", in: "04043080 0000", want: "04043080 0000"},
		{name: "PK-4 long content gets a long-form length", in: "2480 0481c8" + repeat("ab", 200) + " 0000", want: "0481c8" + repeat("ab", 200), changed: true},
		{name: "PK-4 indefinite length never closed", in: "30803080 0500", err: ErrMalformed, reason: ReasonTruncated},
		{name: "PK-4 length past the end", in: "3005 0500", err: ErrMalformed, reason: ReasonTruncated},
		{name: "PK-4 child overruns its container", in: "3003 0405 aabbcc", err: ErrMalformed, reason: ReasonSyntax},
		{name: "PK-4 indefinite length on a primitive", in: "0480 aa 0000", err: ErrMalformed, reason: ReasonSyntax},
		{name: "PK-4 constructed string holding another type", in: "2480 0201aa 0000", err: ErrMalformed, reason: ReasonSyntax},
		{name: "PK-4 five length octets", in: "30850000000001 05", err: ErrMalformed, reason: ReasonSyntax},
		{name: "PK-4 empty input", in: "", err: ErrMalformed, reason: ReasonTruncated},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			in := unhex(stripSpaces(tc.in))
			got, changed, err := newBERReader(Limits{}.withDefaults()).normalize(in, "input")
			if !errors.Is(err, tc.err) {
				t.Fatalf("normalize = %v, want %v", err, tc.err)
			}
			if err != nil {
				var fe *FormatError
				if !errors.As(err, &fe) || fe.Reason != tc.reason {
					t.Errorf("error %v: want reason %v", err, tc.reason)
				}
				return
			}
			if diff := cmp.Diff(stripSpaces(tc.want), hex.EncodeToString(got)); diff != "" || (changed > 0) != tc.changed {
				t.Errorf("normalize (-want +got):\n%s\nchanged = %v, want %v", diff, changed, tc.changed)
			}
		})
	}
}

func stripSpaces(s string) string { return string(bytes.ReplaceAll([]byte(s), []byte(" "), nil)) }

func repeat(s string, n int) string { return string(bytes.Repeat([]byte(s), n)) }

// hostileBER are the shapes PK-4 names for the BER reader, as whole PFX
// files: Decode must refuse each after a bounded number of steps.
func hostileBER() map[string]struct {
	data  []byte
	limit string // LimitError.Limit, or "" for a FormatError
} {
	deep := bytes.Repeat([]byte{0x30, 0x80}, 100_000)
	unclosed := append([]byte{0x30, 0x80, 0x02, 0x01, 0x03}, bytes.Repeat([]byte{0x30, 0x80, 0x05, 0x00}, 20)...)
	chunks := append([]byte{0x30, 0x80, 0x02, 0x01, 0x03, 0x24, 0x80}, bytes.Repeat([]byte{0x04, 0x01, 0xaa}, 1_000_000)...)
	chunks = append(chunks, 0, 0, 0, 0)
	return map[string]struct {
		data  []byte
		limit string
	}{
		"PK-4 100,000 nested indefinite SEQUENCEs":              {deep, "Nesting"},
		"PK-4 indefinite lengths never closed":                  {unclosed, ""},
		"PK-4 a constructed OCTET STRING of a million segments": {chunks, "Elements"},
	}
}

func TestBERHostile(t *testing.T) {
	for name, h := range hostileBER() {
		t.Run(name, func(t *testing.T) {
			_, err := Decode(h.data, fixturePassword)
			if h.limit != "" {
				var le *LimitError
				if !errors.As(err, &le) || le.Limit != h.limit || !errors.Is(err, ErrLimit) {
					t.Fatalf("Decode = %v, want a LimitError on %s", err, h.limit)
				}
			} else if !errors.Is(err, ErrMalformed) {
				t.Fatalf("Decode = %v, want ErrMalformed", err)
			}
			// Bounded memory: refusing allocates a few kilobytes whatever
			// the input's size (measured in BenchmarkBERHostile).
			allocs := testing.AllocsPerRun(3, func() { Decode(h.data, fixturePassword) })
			if allocs > 64 {
				t.Errorf("refusing allocates %v times", allocs)
			}
		})
	}
}
