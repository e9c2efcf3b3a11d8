package renewal

import (
	"bytes"
	"crypto/x509"
	"encoding/asn1"
	"encoding/base64"
	"encoding/json"
	"io"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"golang.org/x/crypto/cryptobyte"
	cbasn1 "golang.org/x/crypto/cryptobyte/asn1"

	"github.com/certlife/certlife/internal/serial"
)

// ARICertID returns the ACME Renewal Information identifier of cert
// (RFC 9773 section 4.1, RN-13): "the base64url-encoding of the
// keyIdentifier field of the certificate's Authority Key Identifier (AKI)
// extension, a literal period, and the base64url-encoding of the
// DER-encoded Serial Number field (without the tag and length bytes). All
// trailing "=" characters MUST be stripped from both parts." For the RFC's
// example certificate (keyIdentifier 69:88:5B:6B:…:C8:D4, serial
// 00:87:65:43:21) it is "aYhba4dGQEHhs3uEe6CuLN4ByNQ.AIdlQyE".
//
// The serial's content octets are read from the certificate's DER as they
// are encoded, leading 0x00 included; a certificate built by hand without
// DER gets the DER encoding of its SerialNumber. A nil cert, or one without
// an AKI keyIdentifier (a self-signed root, an issuer that omits it), has
// no identifier: ARICertID returns an [*Error] with ReasonNoKeyID, never
// an empty string.
func ARICertID(cert *x509.Certificate) (string, error) {
	if cert == nil {
		return "", &Error{Reason: ReasonNoKeyID, Detail: "nil certificate"}
	}
	if len(cert.AuthorityKeyId) == 0 {
		what := "certificate"
		if cert.SerialNumber != nil {
			what += " serial " + serial.Hex(cert.SerialNumber)
		}
		return "", &Error{Reason: ReasonNoKeyID, Detail: what + " has no keyIdentifier to name it by (RFC 9773 section 4.1)"}
	}
	raw, ok := rawSerial(cert.RawTBSCertificate)
	if !ok {
		if cert.SerialNumber == nil {
			return "", &Error{Reason: ReasonNoKeyID, Detail: "certificate has no serial number"}
		}
		der, err := asn1.Marshal(cert.SerialNumber)
		if err != nil {
			return "", &Error{Reason: ReasonNoKeyID, Detail: "serial number: " + err.Error()}
		}
		s := cryptobyte.String(der)
		var content cryptobyte.String
		s.ReadASN1(&content, cbasn1.INTEGER)
		raw = content
	}
	enc := base64.RawURLEncoding
	return enc.EncodeToString(cert.AuthorityKeyId) + "." + enc.EncodeToString(raw), nil
}

// rawSerial returns the content octets of the serialNumber INTEGER of a
// TBSCertificate's DER.
func rawSerial(tbsDER []byte) ([]byte, bool) {
	in := cryptobyte.String(tbsDER)
	var tbs, serial cryptobyte.String
	if !in.ReadASN1(&tbs, cbasn1.SEQUENCE) ||
		!tbs.SkipOptionalASN1(cbasn1.Tag(0).Constructed().ContextSpecific()) ||
		!tbs.ReadASN1(&serial, cbasn1.INTEGER) || len(serial) == 0 {
		return nil, false
	}
	return serial, true
}

// RenewalInfo is an ACME renewalInfo object (RFC 9773 section 4.2): the
// window in which the CA suggests renewing a certificate, and a page
// explaining it.
type RenewalInfo struct {
	// Start and End bound the suggested window, suggestedWindow.start and
	// suggestedWindow.end; End is after Start.
	Start, End time.Time
	// ExplanationURL is the optional explanationURL, an absolute http or
	// https URL; "" when absent. RFC 9773: "Conforming clients SHOULD
	// provide this URL to their operator, if present."
	ExplanationURL string
}

// Limits of [ParseRenewalInfo]: a renewalInfo object is a few hundred
// bytes; anything much larger is not one.
const (
	maxRenewalInfoSize = 64 << 10
	maxURLSize         = 2048
)

// ParseRenewalInfo reads the JSON body of a renewalInfo response
// (RFC 9773 section 4.2), such as
//
//	{"suggestedWindow": {"start": "2025-01-02T04:00:00Z",
//	  "end": "2025-01-03T04:00:00Z"},
//	 "explanationURL": "https://acme.example.com/docs/ari"}
//
// It is strict where RFC 9773 is: suggestedWindow is required with both
// timestamps in RFC 3339, and "A RenewalInfo object in which the end
// timestamp equals or precedes the start timestamp is invalid". It also
// refuses input over 64 KiB or not in UTF-8, a JSON value that is not an
// object, members of the wrong JSON type, trailing data, a member it reads
// named twice in its object (RFC 8259 section 4 leaves the reading of
// {"start": "…", "start": "…"} to the implementation), and an
// explanationURL that is not an absolute http or https URL of at most 2048
// bytes. Member names are matched exactly, as JSON's are: "SuggestedWindow"
// is an unknown member, though encoding/json would take it for
// suggestedWindow. Unknown members are ignored, as JSON extensions should
// be. The caller fetches the JSON: this
// package does no network I/O.
//
// Every error is an [*Error] with ReasonBadRenewalInfo; RFC 9773 section
// 4.3.3 says to treat it as a long-term error and fetch again after
// [RetryAfterDefault].
func ParseRenewalInfo(data []byte) (RenewalInfo, error) {
	bad := func(detail string) (RenewalInfo, error) {
		return RenewalInfo{}, &Error{Reason: ReasonBadRenewalInfo, Detail: detail}
	}
	if len(data) > maxRenewalInfoSize {
		return bad(strconv.Itoa(len(data)) + " bytes is larger than " + strconv.Itoa(maxRenewalInfoSize))
	}
	if !utf8.Valid(data) {
		return bad("not UTF-8 text (RFC 8259 section 8.1)")
	}
	if t := strings.TrimLeft(string(data), " \t\r\n"); !strings.HasPrefix(t, "{") {
		return bad("not a JSON object")
	}
	if msg := checkJSON(data); msg != "" {
		return bad(msg)
	}
	// Members are looked up by their exact names: encoding/json would also
	// take "SuggestedWindow" or "START" for them.
	var top map[string]json.RawMessage
	if err := json.Unmarshal(data, &top); err != nil {
		return bad(jsonError(err))
	}
	rawWindow, ok := top["suggestedWindow"]
	if !ok || string(rawWindow) == "null" {
		return bad("no suggestedWindow")
	}
	var window map[string]json.RawMessage
	if err := json.Unmarshal(rawWindow, &window); err != nil || window == nil {
		return bad("suggestedWindow is a JSON " + jsonKind(rawWindow) + ", not an object")
	}
	var start, end string
	for _, m := range []struct {
		name string
		to   *string
		raw  json.RawMessage
	}{{"start", &start, window["start"]}, {"end", &end, window["end"]}} {
		if m.raw == nil || string(m.raw) == "null" {
			return bad("suggestedWindow lacks start or end")
		}
		if err := json.Unmarshal(m.raw, m.to); err != nil {
			return bad("suggestedWindow." + m.name + " is a JSON " + jsonKind(m.raw) + ", not a string")
		}
	}
	var ri RenewalInfo
	var err error
	if ri.Start, err = parseRFC3339(start); err != nil {
		return bad("suggestedWindow.start " + strconv.Quote(clip(start)) + " is not an RFC 3339 timestamp")
	}
	if ri.End, err = parseRFC3339(end); err != nil {
		return bad("suggestedWindow.end " + strconv.Quote(clip(end)) + " is not an RFC 3339 timestamp")
	}
	if !ri.End.After(ri.Start) {
		return bad("suggestedWindow.end " + ri.End.UTC().Format(time.RFC3339Nano) + " is not after start " +
			ri.Start.UTC().Format(time.RFC3339Nano))
	}
	if raw, ok := top["explanationURL"]; ok && string(raw) != "null" {
		var u string
		if err := json.Unmarshal(raw, &u); err != nil {
			return bad("explanationURL is a JSON " + jsonKind(raw) + ", not a string")
		}
		if msg := checkURL(u); msg != "" {
			return bad("explanationURL " + strconv.Quote(clip(u)) + " " + msg)
		}
		ri.ExplanationURL = u
	}
	return ri, nil
}

// checkJSON returns what makes data, at most maxRenewalInfoSize bytes,
// unfit to be read as a renewalInfo object, or "": a syntax error, or a
// member this package reads (suggestedWindow, explanationURL, and start and
// end in suggestedWindow) named twice in its object. RFC 8259 section 4:
// "The names within an object SHOULD be unique", and where they are not,
// "many implementations report the last name/value pair only" while
// others take the first; a window that would depend on the reader is
// refused. Repeated names elsewhere, in extensions, are left alone.
func checkJSON(data []byte) string {
	type frame struct {
		path       string          // "" for the top object, "suggestedWindow" for its window
		names      map[string]bool // nil in an array
		expectName bool            // in an object, the next token is a name or '}'
		last       string          // the name whose value comes next
	}
	read := map[string][]string{"": {"suggestedWindow", "explanationURL"}, "suggestedWindow": {"start", "end"}}
	var open []frame
	// afterValue records that the innermost object's member has its value.
	afterValue := func() {
		if n := len(open); n > 0 && open[n-1].names != nil {
			open[n-1].expectName = true
		}
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			return ""
		}
		if err != nil {
			return jsonError(err)
		}
		if n := len(open); n > 0 && open[n-1].expectName {
			if name, ok := tok.(string); ok {
				f := &open[n-1]
				if f.names[name] && slices.Contains(read[f.path], name) {
					path := name
					if f.path != "" {
						path = f.path + "." + name
					}
					return path + " appears twice (RFC 8259 section 4)"
				}
				f.names[name] = true
				f.expectName, f.last = false, name
				continue
			}
		}
		switch tok {
		case json.Delim('{'):
			path := "-" // an object nobody reads
			if len(open) == 0 {
				path = ""
			} else if f := open[len(open)-1]; f.names != nil && f.path == "" && f.last == "suggestedWindow" {
				path = "suggestedWindow"
			}
			open = append(open, frame{path: path, names: map[string]bool{}, expectName: true})
		case json.Delim('['):
			open = append(open, frame{path: "-"})
		case json.Delim('}'), json.Delim(']'):
			open = open[:len(open)-1]
			afterValue()
		default:
			afterValue()
		}
	}
}

// jsonKind names the JSON type of a raw value for messages.
func jsonKind(raw json.RawMessage) string {
	switch raw[0] {
	case '{':
		return "object"
	case '[':
		return "array"
	case '"':
		return "string"
	case 't', 'f':
		return "boolean"
	case 'n':
		return "null"
	}
	return "number"
}

// jsonError describes a JSON error without Go type names.
func jsonError(err error) string {
	switch e := err.(type) {
	case *json.SyntaxError:
		return "invalid JSON at byte " + strconv.FormatInt(e.Offset, 10)
	case *json.UnmarshalTypeError:
		return "field " + strconv.Quote(e.Field) + " is a JSON " + e.Value + " of the wrong type"
	}
	return "invalid JSON"
}

func parseRFC3339(s string) (time.Time, error) {
	// time.RFC3339Nano parses fractions of any length; Go's RFC 3339
	// parser refuses the forms RFC 3339 does not allow (hour 24, a
	// missing offset).
	return time.Parse(time.RFC3339Nano, s)
}

func checkURL(s string) string {
	if len(s) > maxURLSize {
		return "is longer than " + strconv.Itoa(maxURLSize) + " bytes"
	}
	u, err := url.Parse(s)
	if err != nil || u.Host == "" || (u.Scheme != "https" && u.Scheme != "http") {
		return "is not an absolute http or https URL"
	}
	return ""
}

// clip shortens text quoted in messages.
func clip(s string) string {
	if len(s) > 64 {
		return s[:64] + "..."
	}
	return s
}

// validate returns what is wrong with a RenewalInfo built by hand, or "".
func (ri RenewalInfo) validate() string {
	if ri.Start.IsZero() || ri.End.IsZero() {
		return "the window has a zero start or end"
	}
	if !ri.End.After(ri.Start) {
		return "the window's end " + ri.End.UTC().Format(time.RFC3339Nano) + " is not after its start " +
			ri.Start.UTC().Format(time.RFC3339Nano) + " (RFC 9773 section 4.2)"
	}
	return ""
}

// Bounds on how long to wait before fetching renewalInfo again (RN-13,
// RFC 9773 section 4.3). Section 4.3.2: "Clients MUST set reasonable
// limits on their checking interval. For example, values under one minute
// could be treated as if they were one minute, and values over one day
// could be treated as if they were one day." Section 4.3.3: after a
// long-term error, such as a Retry-After that is "invalid or not present",
// "clients SHOULD perform the next RenewalInfo fetch as soon as possible
// after six hours have passed".
const (
	RetryAfterMin     = time.Minute
	RetryAfterMax     = 24 * time.Hour
	RetryAfterDefault = 6 * time.Hour
)

// ParseRetryAfter reads the value of a Retry-After header field (RFC 9110
// section 10.2.3) received at the instant at, and returns how long to wait
// before fetching renewalInfo again, clamped to [RetryAfterMin,
// RetryAfterMax] (RFC 9773 section 4.3.2): "21600" gives 6h, "0" and a
// date in the past give a minute, "86401" and a date next week a day.
//
// It reads delta-seconds (digits only, any number of them) and the three
// HTTP-date forms recipients must accept (RFC 9110 section 5.6.7):
// "Sun, 06 Nov 1994 08:49:37 GMT", "Sunday, 06-Nov-94 08:49:37 GMT" and
// "Sun Nov  6 08:49:37 1994". Surrounding spaces and tabs are ignored.
// Anything else, including an empty value, is an [*Error] with
// ReasonBadRetryAfter (wait [RetryAfterDefault] then); a zero at is
// ReasonZeroTime.
func ParseRetryAfter(value string, at time.Time) (time.Duration, error) {
	if at.IsZero() {
		return 0, &Error{Reason: ReasonZeroTime, Detail: "ParseRetryAfter"}
	}
	v := strings.Trim(value, " \t")
	if v == "" {
		return 0, &Error{Reason: ReasonBadRetryAfter, Detail: "empty value"}
	}
	if allDigits(v) {
		// Delta-seconds beyond a day clamp to a day, however many digits.
		const maxSecs = int64(RetryAfterMax / time.Second)
		var secs int64
		for i := 0; i < len(v) && secs <= maxSecs; i++ {
			secs = secs*10 + int64(v[i]-'0')
		}
		return clampRetry(time.Duration(min(secs, maxSecs+1)) * time.Second), nil
	}
	for _, layout := range []string{
		"Mon, 02 Jan 2006 15:04:05 GMT",  // IMF-fixdate
		"Monday, 02-Jan-06 15:04:05 GMT", // obsolete RFC 850
		"Mon Jan _2 15:04:05 2006",       // obsolete asctime, day padded by a space
	} {
		if t, err := time.Parse(layout, v); err == nil {
			if layout == "Monday, 02-Jan-06 15:04:05 GMT" && t.Year() > at.UTC().Year()+50 {
				// RFC 9110 section 5.6.7: a two-digit year that appears
				// more than 50 years in the future is in the past century.
				t = t.AddDate(-100, 0, 0)
			}
			return clampRetry(t.Sub(at)), nil
		}
	}
	return 0, &Error{Reason: ReasonBadRetryAfter, Detail: strconv.Quote(clip(v)) + " is neither delta-seconds nor an HTTP-date"}
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

func clampRetry(d time.Duration) time.Duration {
	return min(max(d, RetryAfterMin), RetryAfterMax)
}
