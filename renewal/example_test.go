package renewal_test

import (
	"crypto"
	"crypto/ed25519"
	"crypto/rand"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/asn1"
	"errors"
	"fmt"
	"math/big"
	"time"

	"github.com/certlife/certlife/renewal"
	"github.com/certlife/certlife/tz"
)

// key returns a fixed Ed25519 key, so that the examples are reproducible.
func key(b byte) ed25519.PrivateKey {
	seed := make([]byte, ed25519.SeedSize)
	seed[0] = b
	return ed25519.NewKeyFromSeed(seed)
}

func subject(cn string) pkix.Name {
	return pkix.Name{CommonName: cn, Organization: []string{"Example Co., Ltd."}, Country: []string{"JP"}}
}

// certificate returns a self-signed certificate for cn, valid from nb to na.
func certificate(cn string, priv ed25519.PrivateKey, serial int64, nb, na time.Time) *x509.Certificate {
	tmpl := &x509.Certificate{SerialNumber: big.NewInt(serial), Subject: subject(cn), NotBefore: nb, NotAfter: na}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, priv.Public(), priv)
	if err != nil {
		panic(err)
	}
	c, err := x509.ParseCertificate(der)
	if err != nil {
		panic(err)
	}
	return c
}

// request returns a parsed CSR for cn signed with priv.
func request(cn string, priv ed25519.PrivateKey) *x509.CertificateRequest {
	der, err := x509.CreateCertificateRequest(rand.Reader, &x509.CertificateRequest{Subject: subject(cn)}, priv)
	if err != nil {
		panic(err)
	}
	csr, err := x509.ParseCertificateRequest(der)
	if err != nil {
		panic(err)
	}
	return csr
}

// The FAQ's certificate, valid from 2011-12-10 00:00:00 GMT to 2012-12-10
// 23:59:59 GMT (TV-2).
var faqCert = certificate("www.example.jp", key(1), 0x1001,
	time.Date(2011, 12, 10, 0, 0, 0, 0, time.UTC), time.Date(2012, 12, 10, 23, 59, 59, 0, time.UTC))

// Classify a renewal: same subject, new key pair, after the wait.
func ExampleClassify() {
	held := []renewal.Held{renewal.HeldFrom(faqCert)}
	app, err := renewal.ApplicationFrom(request("www.example.jp", key(2)), time.Date(2012, 11, 1, 10, 0, 0, 0, tz.JST))
	if err != nil {
		panic(err)
	}
	d, err := renewal.Classify(app, held, renewal.DefaultPolicy())
	if err != nil {
		panic(err)
	}
	fmt.Println(d.Kind, "-", d.Clause)
	fmt.Printf("renews serial %x\n", d.Renews.SerialNumber)
	fmt.Println("warnings:", len(d.Warnings))
	// Output:
	// renewal - RN-2 same subject after the wait
	// renews serial 1001
	// warnings: 0
}

// A renewal applied for too early is refused with the instant it opens.
func ExampleClassify_tooEarly() {
	held := []renewal.Held{renewal.HeldFrom(faqCert)}
	app := renewal.Application{Subject: subject("www.example.jp"), At: time.Date(2011, 12, 20, 15, 0, 0, 0, tz.JST)}
	_, err := renewal.Classify(app, held, renewal.DefaultPolicy())
	var early *renewal.TooEarlyError
	if errors.As(err, &early) {
		fmt.Println(errors.Is(err, renewal.ErrTooEarly))
		fmt.Println("opens at", early.OpensAt.In(tz.JST).Format(time.RFC3339))
	}
	fmt.Println(err)
	// Output:
	// true
	// opens at 2012-01-10T00:00:00+09:00
	// renewal: renewal of "www.example.jp" applied for at 2011-12-20T15:00:00+09:00 is accepted from 2012-01-10T00:00:00+09:00 (RN-3)
}

// Reusing last year's key pair is a warning (RN-7); a changed organization
// makes the application new (RN-4).
func ExampleClassify_newApplication() {
	held := []renewal.Held{renewal.HeldFrom(faqCert)}
	s := subject("www.example.jp")
	s.Organization = []string{"Example Holdings Co., Ltd."}
	app := renewal.Application{Subject: s, PublicKey: key(1).Public(), At: time.Date(2012, 11, 1, 0, 0, 0, 0, tz.JST)}
	d, err := renewal.Classify(app, held, renewal.DefaultPolicy())
	if err != nil {
		panic(err)
	}
	fmt.Println(d.Kind, "-", d.Clause, d.Changed)
	fmt.Println(d.Warnings[0].Code)
	// Output:
	// new - RN-4 subject changed [O]
	// RN-7 key pair reused
}

// The CA dropped the organizational unit and the e-mail address from the
// certificate it issued (the Baseline Requirements forbid OU since 2022):
// last year's CSR, unchanged, is still a renewal (RN-4).
func ExampleClassify_caDroppedAttributes() {
	issued := subject("www.example.jp") // what the CA printed: no OU, no e-mail
	csr := issued
	csr.OrganizationalUnit = []string{"IT"}
	csr.ExtraNames = []pkix.AttributeTypeAndValue{{Type: asn1.ObjectIdentifier{1, 2, 840, 113549, 1, 9, 1}, Value: "admin@example.jp"}}
	held := []renewal.Held{{Subject: issued, NotBefore: time.Date(2026, 4, 1, 0, 0, 0, 0, time.UTC), NotAfter: time.Date(2026, 10, 17, 23, 59, 59, 0, time.UTC)}}
	app := renewal.Application{Subject: csr, At: time.Date(2026, 8, 1, 10, 0, 0, 0, tz.JST)}
	d, err := renewal.Classify(app, held, renewal.GlobalSign.Policy())
	fmt.Println(d.Kind, "-", d.Clause, err)

	// With last year's CSR kept, CSR is compared with CSR: changing the OU
	// now counts.
	held[0].RequestSubject = &csr
	app.Subject.OrganizationalUnit = []string{"Infrastructure"}
	d, err = renewal.Classify(app, held, renewal.GlobalSign.Policy())
	fmt.Println(d.Kind, "-", d.Clause, d.Changed, err)
	// Output:
	// renewal - RN-2 same subject after the wait <nil>
	// new - RN-4 subject changed [OU] <nil>
}

func ExampleIgnoreAttributes() {
	issued := subject("www.example.jp")
	issued.Province = []string{"Tokyo-to"} // the CA rewrote the prefecture
	csr := subject("www.example.jp")
	csr.Province = []string{"Tokyo"}
	held := []renewal.Held{{Subject: issued, NotBefore: time.Date(2025, 4, 1, 0, 0, 0, 0, time.UTC), NotAfter: time.Date(2026, 5, 2, 23, 59, 59, 0, time.UTC)}}
	app := renewal.Application{Subject: csr, At: time.Date(2026, 3, 1, 0, 0, 0, 0, tz.JST)}
	d, _ := renewal.Classify(app, held, renewal.DefaultPolicy())
	fmt.Println(d.Kind, d.Changed)
	d, _ = renewal.Classify(app, held, renewal.DefaultPolicy(), renewal.IgnoreAttributes(asn1.ObjectIdentifier{2, 5, 4, 8}))
	fmt.Println(d.Kind, d.Changed)
	// Output:
	// new [ST]
	// renewal []
}

func ExampleOpensAt() {
	h := renewal.HeldFrom(faqCert) // issued 2011-12-10 09:00 JST
	opens, _ := renewal.OpensAt(h, renewal.DefaultPolicy())
	fmt.Println(opens.Format(time.RFC3339))
	p := renewal.DefaultPolicy()
	p.Counting = renewal.Elapsed
	opens, _ = renewal.OpensAt(h, p)
	fmt.Println(opens.In(tz.JST).Format(time.RFC3339))
	opens, _ = renewal.OpensAt(h, renewal.Cybertrust.Policy()) // 90 days before notAfter
	fmt.Println(opens.Format(time.RFC3339))
	// Output:
	// 2012-01-10T00:00:00+09:00
	// 2012-01-09T09:00:00+09:00
	// 2012-09-12T00:00:00+09:00
}

func ExampleDefaultPolicy() {
	p := renewal.DefaultPolicy()
	fmt.Println(p.Name, p.Opens, p.Counting, p.Zone)
	// Output: SeedCA AfterIssue 30 days CivilDays JST
}

func ExamplePolicy_Validate() {
	fmt.Println(renewal.Policy{}.Validate())
	p := renewal.DefaultPolicy()
	p.Opens.N = 1<<63 - 1 // a wait of 2^63-1 days
	fmt.Println(p.Validate())
	p.Opens = renewal.When{Rule: renewal.AfterIssue, N: 0} // zero means zero
	fmt.Println(p.Validate())
	// Output:
	// renewal: invalid policy: Opens has no rule: start from a Preset (SeedCA) or set When{AfterIssue, 30}
	// renewal: invalid policy: SeedCA: Opens 9223372036854775807 days is not between 0 and 36600
	// <nil>
}

func ExamplePresets() {
	for _, p := range renewal.Presets() {
		pol := p.Policy()
		fmt.Printf("%-10s opens %-28v term %v %d, carry %v\n", p, pol.Opens, pol.Term.Unit, pol.Term.N, pol.CarryOver)
	}
	// Output:
	// SeedCA     opens AfterIssue 30 days           term SameAsHeld 0, carry CarryNone
	// JPRS       opens FirstOfMonthBeforeExpiry 2 months term TermMonths 5, carry CarryNone
	// SECOM      opens BeforeExpiry 90 days         term SameAsHeld 0, carry CarryAll
	// Cybertrust opens BeforeExpiry 90 days         term TermMonths 5, carry CarryNone
	// GlobalSign opens BeforeExpiry 90 days         term TermDays 199, carry CarryCapped
	// DigiCert   opens BeforeExpiry 90 days         term TermDays 199, carry CarryCapped
	// ACME       opens AfterIssue 0 days            term SameAsHeld 0, carry CarryNone
}

// printPlan prints a schedule in JST.
func printPlan(s renewal.Schedule) {
	f := func(t time.Time) string { return t.In(tz.JST).Format("2006-01-02 15:04:05") }
	fmt.Println("opens   ", f(s.Opens))
	fmt.Println("due     ", f(s.Due), "-", s.DueRule)
	fmt.Println("deadline", f(s.Deadline))
	fmt.Println("next    ", f(s.Next.NotBefore), "to", f(s.Next.NotAfter), "-", s.Next.Days, "days, cut by", s.Next.Capped)
	for _, w := range s.Warnings {
		fmt.Println("warning ", w.Code)
	}
}

// A renewal under JPRS's rules: applications from the 1st two months
// before the expiry month, issuance from the 1st of the expiry month, five
// months to the end of the month.
func ExamplePreset_Policy() {
	h := renewal.Held{Subject: subject("www.example.jp"),
		NotBefore: time.Date(2026, 4, 1, 0, 0, 0, 0, tz.JST), NotAfter: time.Date(2026, 9, 30, 23, 59, 59, 0, tz.JST)}
	s, err := renewal.Plan(h, time.Date(2026, 6, 1, 0, 0, 0, 0, tz.JST), renewal.JPRS.Policy())
	if err != nil {
		panic(err)
	}
	printPlan(s)
	// Output:
	// opens    2026-07-01 00:00:00
	// due      2026-08-01 00:00:00 - RN-10 fraction of the lifetime left
	// deadline 2026-09-23 23:59:59
	// next     2026-09-01 00:00:00 to 2027-02-28 23:59:59 - 181 days, cut by none
}

// A renewal under SECOM's rules: applications from 90 days before expiry,
// issuance once fewer than 30 days are left, the rest carried over, cut by
// the 200-day limit.
func ExamplePlan_secom() {
	h := renewal.Held{Subject: subject("www.example.jp"),
		NotBefore: time.Date(2025, 11, 1, 0, 0, 0, 0, tz.JST), NotAfter: time.Date(2026, 12, 1, 23, 59, 59, 0, tz.JST)}
	s, err := renewal.Plan(h, time.Date(2026, 6, 1, 0, 0, 0, 0, tz.JST), renewal.SECOM.Policy())
	if err != nil {
		panic(err)
	}
	printPlan(s)
	// Output:
	// opens    2026-09-02 00:00:00
	// due      2026-09-02 00:00:00 - RN-11 when renewal opens
	// deadline 2026-11-24 23:59:59
	// next     2026-11-02 00:00:00 to 2027-05-20 23:59:59 - 200 days, cut by TV-6 limit
	// warning  RN-11 carry-over cut by a limit
	// warning  TV-6 lifetime exceeds the limit at the due instant
}

// A renewal under GlobalSign's rules: from 90 days before expiry, the rest
// carried over up to its own maximum of 199 days.
func ExamplePlan_globalSign() {
	nb := time.Date(2026, 4, 1, 0, 0, 0, 0, time.UTC)
	h := renewal.Held{Subject: subject("www.example.jp"), NotBefore: nb, NotAfter: nb.Add(199*24*time.Hour - time.Second)}
	s, err := renewal.Plan(h, time.Date(2026, 6, 1, 0, 0, 0, 0, tz.JST), renewal.GlobalSign.Policy())
	if err != nil {
		panic(err)
	}
	printPlan(s)
	// Output:
	// opens    2026-07-19 00:00:00
	// due      2026-08-12 01:00:00 - RN-10 fraction of the lifetime left
	// deadline 2026-10-10 08:59:59
	// next     2026-08-12 01:00:00 to 2027-02-27 00:59:59 - 199 days, cut by CA maximum
}

// A Let's Encrypt 6-day ("shortlived", 160 hours) certificate: under ACME
// it is due with half its life left (RN-12); under the seed CA's 30-day
// wait it has no schedule at all.
func ExamplePlan_letsEncryptSixDays() {
	nb := time.Date(2026, 9, 1, 0, 0, 0, 0, time.UTC)
	h := renewal.Held{Subject: subject("www.example.jp"), NotBefore: nb, NotAfter: nb.Add(160*time.Hour - time.Second)}
	at := nb.Add(time.Hour)
	s, err := renewal.Plan(h, at, renewal.ACME.Policy())
	if err != nil {
		panic(err)
	}
	printPlan(s)
	fmt.Println("short-lived:", s.ShortLived)
	_, err = renewal.Plan(h, at, renewal.SeedCA.Policy())
	fmt.Println(errors.Is(err, renewal.ErrNoSchedule), err)
	// Output:
	// opens    2026-09-01 09:00:00
	// due      2026-09-04 17:00:00 - RN-12 half the lifetime left
	// deadline 2026-09-06 22:19:59
	// next     2026-09-04 17:00:00 to 2026-09-11 08:59:59 - 7 days, cut by none
	// short-lived: true
	// true renewal: "www.example.jp": renewal opens after the certificate expires: opens 2026-10-01T15:00:00Z, notAfter 2026-09-07T15:59:59Z (RN-12)
}

// A 398-day certificate issued in 2025 under the seed CA: due in November
// 2025, when another 398-day certificate can still be issued, but its
// successor will be limited to 200 days (TV-6).
func ExamplePlan() {
	nb := time.Date(2025, 3, 1, 0, 0, 0, 0, time.UTC)
	h := renewal.Held{Subject: subject("www.example.jp"), NotBefore: nb, NotAfter: nb.Add(398*24*time.Hour - time.Second)}
	s, err := renewal.Plan(h, time.Date(2025, 6, 1, 0, 0, 0, 0, tz.JST), renewal.DefaultPolicy())
	if err != nil {
		panic(err)
	}
	printPlan(s)
	// Output:
	// opens    2025-04-01 00:00:00
	// due      2025-11-21 17:00:00 - RN-10 fraction of the lifetime left
	// deadline 2026-03-27 08:59:59
	// next     2025-11-21 17:00:00 to 2026-12-24 16:59:59 - 398 days, cut by none
	// warning  TV-6 lifetime limit shrinks
}

// The CA suggests a renewal window through ARI (RN-13): Due is an instant
// in it derived from the certificate, the same on every run.
func ExampleSuggestedWindow() {
	body := []byte(`{"suggestedWindow": {"start": "2026-10-30T00:00:00Z", "end": "2026-11-01T00:00:00Z"},
		"explanationURL": "https://acme.example.com/docs/ari"}`)
	info, err := renewal.ParseRenewalInfo(body)
	if err != nil {
		panic(err)
	}
	nb := time.Date(2026, 9, 1, 0, 0, 0, 0, time.UTC)
	h := renewal.Held{Subject: subject("www.example.jp"), SerialNumber: big.NewInt(0x5eed), NotBefore: nb, NotAfter: nb.Add(90*24*time.Hour - time.Second)}
	s, err := renewal.Plan(h, time.Date(2026, 10, 1, 0, 0, 0, 0, time.UTC), renewal.ACME.Policy(), renewal.SuggestedWindow(info))
	if err != nil {
		panic(err)
	}
	fmt.Println(s.Due.UTC().Format(time.RFC3339), "-", s.DueRule)

	// Once the window is past, now.
	s, _ = renewal.Plan(h, time.Date(2026, 11, 2, 0, 0, 0, 0, time.UTC), renewal.ACME.Policy(), renewal.SuggestedWindow(info))
	fmt.Println(s.Due.UTC().Format(time.RFC3339), "-", s.DueRule)
	// Output:
	// 2026-10-30T13:03:32Z - RN-13 in the ARI window
	// 2026-11-02T00:00:00Z - RN-13 ARI window past: now
}

// A renewal due in the year-end closing moves to the first business
// morning after it.
func ExampleWindows() {
	end := time.Date(2027, 1, 29, 12, 0, 0, 0, tz.JST)
	h := renewal.Held{Subject: subject("www.example.jp"), NotBefore: end.Add(-90 * 24 * time.Hour), NotAfter: end.Add(-time.Second)}
	s, err := renewal.Plan(h, time.Date(2026, 12, 1, 0, 0, 0, 0, tz.JST), renewal.ACME.Policy(), renewal.Windows(
		renewal.NotOn("year-end closing", tz.YearEndClosing(), tz.JST),
		renewal.BusinessHours(tz.BusinessCalendar{}, 10*time.Hour, 17*time.Hour, tz.JST),
	))
	if err != nil {
		panic(err)
	}
	fmt.Println(s.Due.In(tz.JST).Format(time.RFC3339))
	fmt.Println(s.Warnings[0])
	// Output:
	// 2027-01-04T10:00:00+09:00
	// due instant moved by a renewal window: from 2026-12-30T03:00:00Z to 2027-01-04T01:00:00Z by year-end closing, business hours 10:00-17:00 JST
}

func ExampleBusinessHours() {
	w := renewal.BusinessHours(tz.BusinessCalendar{}, 10*time.Hour, 17*time.Hour, tz.JST)
	fmt.Println(w)
	// Output: business hours 10:00-17:00 JST
}

func ExampleNotOn() {
	fmt.Println(renewal.NotOn("year-end closing", tz.YearEndClosing(), tz.JST))
	// Output: year-end closing
}

// The download site's maintenance, announced for the third Tuesday from
// 22:00 to 08:00 JST, blocks a renewal due in the middle of it.
func ExampleNotDuring() {
	maintenance := renewal.NotDuring("download site maintenance",
		renewal.Span{Start: time.Date(2026, 12, 15, 22, 0, 0, 0, tz.JST), End: time.Date(2026, 12, 16, 8, 0, 0, 0, tz.JST)})
	end := time.Date(2027, 1, 15, 3, 0, 0, 0, tz.JST)
	h := renewal.Held{Subject: subject("www.example.jp"), NotBefore: end.Add(-90 * 24 * time.Hour), NotAfter: end.Add(-time.Second)}
	s, err := renewal.Plan(h, time.Date(2026, 12, 1, 0, 0, 0, 0, tz.JST), renewal.ACME.Policy(), renewal.Windows(maintenance))
	fmt.Println(s.Due.In(tz.JST).Format(time.RFC3339), err)
	// Output: 2026-12-16T08:00:00+09:00 <nil>
}

// A window that can never be met is an error, not a schedule.
func ExampleNotWhen() {
	frozen := renewal.NotWhen("change freeze", func(t time.Time) (time.Time, bool) {
		until := time.Date(2027, 2, 1, 0, 0, 0, 0, tz.JST)
		return until, t.Before(until)
	})
	nb := time.Date(2026, 10, 1, 0, 0, 0, 0, tz.JST)
	h := renewal.Held{Subject: subject("www.example.jp"), NotBefore: nb, NotAfter: nb.Add(90*24*time.Hour - time.Second)}
	_, err := renewal.Plan(h, nb, renewal.ACME.Policy(), renewal.Windows(frozen))
	fmt.Println(errors.Is(err, renewal.ErrNoSchedule))
	fmt.Println(err)
	// Output:
	// true
	// renewal: "www.example.jp": no allowed instant before the deadline: windows change freeze allow no instant from 2026-09-30T15:00:00Z through 2026-12-22T14:59:59Z (RN-10)
}

func ExampleDueWhenRemaining() {
	nb := time.Date(2025, 3, 1, 0, 0, 0, 0, time.UTC)
	h := renewal.Held{NotBefore: nb, NotAfter: nb.Add(90*24*time.Hour - time.Second)}
	// Half the lifetime left, as lego does for short certificates.
	s, _ := renewal.Plan(h, nb, renewal.DefaultPolicy(), renewal.DueWhenRemaining(0.5))
	fmt.Println(s.Due.Format(time.RFC3339))
	// Output: 2025-04-15T00:00:00Z
}

func ExampleSafetyMargin() {
	nb := time.Date(2025, 3, 1, 0, 0, 0, 0, time.UTC)
	h := renewal.Held{NotBefore: nb, NotAfter: nb.Add(90*24*time.Hour - time.Second)}
	s, _ := renewal.Plan(h, nb, renewal.DefaultPolicy(), renewal.SafetyMargin(14*24*time.Hour))
	fmt.Println(s.Deadline.Format(time.RFC3339))
	// Output: 2025-05-15T23:59:59Z
}

// Certificates issued together get different but reproducible due
// instants.
func ExampleSpread() {
	nb := time.Date(2025, 3, 1, 0, 0, 0, 0, time.UTC)
	for serial := int64(1); serial <= 3; serial++ {
		h := renewal.Held{Subject: subject("www.example.jp"), SerialNumber: big.NewInt(serial),
			NotBefore: nb, NotAfter: nb.Add(90*24*time.Hour - time.Second)}
		s, _ := renewal.Plan(h, nb, renewal.DefaultPolicy(), renewal.Spread(48*time.Hour))
		fmt.Println(s.Due.Format(time.RFC3339))
	}
	// Output:
	// 2025-04-30T09:47:13Z
	// 2025-04-30T12:56:17Z
	// 2025-04-30T05:36:33Z
}

// The ARI identifier of RFC 9773's example certificate (section 4.1).
func ExampleARICertID() {
	cert := &x509.Certificate{
		AuthorityKeyId: []byte{0x69, 0x88, 0x5B, 0x6B, 0x87, 0x46, 0x40, 0x41, 0xE1, 0xB3, 0x7B, 0x84, 0x7B, 0xA0, 0xAE, 0x2C, 0xDE, 0x01, 0xC8, 0xD4},
		SerialNumber:   big.NewInt(0x87654321),
	}
	fmt.Println(renewal.ARICertID(cert))
	_, err := renewal.ARICertID(&x509.Certificate{SerialNumber: big.NewInt(1)})
	fmt.Println(err)
	// Output:
	// aYhba4dGQEHhs3uEe6CuLN4ByNQ.AIdlQyE <nil>
	// renewal: no authority key identifier: certificate serial 01 has no keyIdentifier to name it by (RFC 9773 section 4.1)
}

func ExampleParseRenewalInfo() {
	_, err := renewal.ParseRenewalInfo([]byte(`{"suggestedWindow": {"start": "2026-11-01T00:00:00Z", "end": "2026-10-30T00:00:00Z"}}`))
	fmt.Println(err)
	// Output: renewal: invalid renewalInfo: suggestedWindow.end 2026-10-30T00:00:00Z is not after start 2026-11-01T00:00:00Z
}

func ExampleParseRetryAfter() {
	at := time.Date(2026, 10, 1, 0, 0, 0, 0, time.UTC)
	for _, v := range []string{"21600", "0", "604800", "Thu, 01 Oct 2026 02:00:00 GMT", "soon"} {
		d, err := renewal.ParseRetryAfter(v, at)
		fmt.Println(d, err)
	}
	// Output:
	// 6h0m0s <nil>
	// 1m0s <nil>
	// 24h0m0s <nil>
	// 2h0m0s <nil>
	// 0s renewal: invalid Retry-After: "soon" is neither delta-seconds nor an HTTP-date
}

func ExampleHeldFrom() {
	h := renewal.HeldFrom(faqCert)
	fmt.Println(h.Subject.CommonName, h.NotBefore.In(tz.JST).Format(time.DateTime), h.NotAfter.In(tz.JST).Format(time.DateTime))
	// Output: www.example.jp 2011-12-10 09:00:00 2012-12-11 08:59:59
}

func ExampleApplicationFrom() {
	csr := request("www.example.jp", key(2))
	csr.Signature[0] ^= 1 // damaged in transit
	_, err := renewal.ApplicationFrom(csr, time.Date(2012, 11, 1, 0, 0, 0, 0, tz.JST))
	var e *renewal.Error
	if errors.As(err, &e) {
		fmt.Println(e.Reason)
	}
	// Output: certificate request signature does not verify
}

// An inventory indexes many certificates; classifying costs the same for
// any number of them.
func ExampleNewInventory() {
	var held []renewal.Held
	for i := range 1000 {
		held = append(held, renewal.Held{
			Subject:   subject(fmt.Sprintf("host%d.example.jp", i)),
			NotBefore: time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC),
			NotAfter:  time.Date(2026, 2, 2, 23, 59, 59, 0, time.UTC),
		})
	}
	inv := renewal.NewInventory(held)
	fmt.Println(inv.Len())
	// Output: 1000
}

func ExampleInventory_Classify() {
	inv := renewal.NewInventory([]renewal.Held{renewal.HeldFrom(faqCert)})
	app := renewal.Application{Subject: subject("WWW.EXAMPLE.JP."), At: time.Date(2012, 1, 10, 0, 0, 0, 0, tz.JST)}
	d, err := inv.Classify(app, renewal.DefaultPolicy())
	fmt.Println(d.Kind, err)
	app.Additional = true
	d, err = inv.Classify(app, renewal.DefaultPolicy())
	fmt.Println(d.Kind, "-", d.Clause, err)
	app.Subject = subject("shop.example.jp")
	d, err = inv.Classify(app, renewal.DefaultPolicy())
	fmt.Println(d.Kind, "-", d.Clause, err)
	// Output:
	// renewal <nil>
	// new - RN-1 additional certificate for the same common name <nil>
	// new - RN-1 no certificate for this name <nil>
}

func ExampleInventory_Current() {
	inv := renewal.NewInventory([]renewal.Held{renewal.HeldFrom(faqCert)})
	h, ok := inv.Current("www.example.jp")
	fmt.Printf("%v %x\n", ok, h.SerialNumber)
	_, ok = inv.Current("mail.example.jp")
	fmt.Println(ok)
	// Output:
	// true 1001
	// false
}

func ExampleInventory_Len() {
	fmt.Println(renewal.NewInventory(nil).Len())
	// Output: 0
}

// After a renewal the server stopped: the installed certificate's key was
// overwritten by the new key (RN-8 a).
func ExamplePairKeys() {
	installed := faqCert // issued for key(1)
	newKey := key(2)     // written over key(1)
	p := renewal.PairKeys([]*x509.Certificate{installed}, []crypto.PrivateKey{newKey})
	fmt.Println("orphan certificates:", p.OrphanCerts, "orphan keys:", p.OrphanKeys)
	fmt.Println(p.Diagnosis)

	// With the backup of the old key restored (twice), the pair is whole
	// again and the new key waits for its certificate (RN-8 b if
	// configured).
	p = renewal.PairKeys([]*x509.Certificate{installed}, []crypto.PrivateKey{newKey, key(1), key(1)})
	fmt.Println("pairs:", p.Pairs, "orphan keys:", p.OrphanKeys, "duplicates:", p.Duplicates)
	fmt.Println(p.Diagnosis)
	// Output:
	// orphan certificates: [0] orphan keys: [0]
	// RN-8 a certificate has no key: the key was overwritten; restore the key backup, or without one install the new certificate at once
	// pairs: [{0 1}] orphan keys: [0] duplicates: [{2 1}]
	// RN-8 a key has no certificate: the configuration may point at the new key while the old certificate is still installed
}

func ExamplePairing_KeyFor() {
	p := renewal.PairKeys([]*x509.Certificate{faqCert}, []crypto.PrivateKey{key(3), key(1)})
	k, ok := p.KeyFor(0)
	fmt.Println(k, ok)
	// Output: 1 true
}

func ExampleCheckRegistryCopy() {
	issued := tz.Date{Year: 2023, Month: 11, Day: 30}
	fmt.Println(renewal.CheckRegistryCopy(issued, tz.Date{Year: 2024, Month: 2, Day: 29}))
	fmt.Println(renewal.CheckRegistryCopy(issued, tz.Date{Year: 2024, Month: 3, Day: 1}))
	// Output:
	// <nil>
	// renewal: registry copy is older than three months: issued 2023-11-30, submitted 2024-03-01, acceptable from 2023-11-30 through 2024-02-29 (RN-6)
}

func ExampleDocuments_Check() {
	submitted := tz.DateOf(time.Date(2024, 5, 1, 10, 0, 0, 0, tz.JST), tz.JST)
	fmt.Println(renewal.Documents{CompanyCode: "987654321"}.Check(submitted))
	fmt.Println(renewal.Documents{}.Check(submitted))
	// Output:
	// <nil>
	// renewal: no company code and no registry copy (RN-6)
}

func ExampleError_Error() {
	_, err := renewal.Classify(renewal.Application{Subject: subject("www.example.jp")}, nil, renewal.DefaultPolicy())
	fmt.Println(err)
	// Output: renewal: zero instant: Classify
}

func ExampleTooEarlyError_Is() {
	err := error(&renewal.TooEarlyError{})
	fmt.Println(errors.Is(err, renewal.ErrTooEarly))
	// Output: true
}
