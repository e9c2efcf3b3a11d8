package renewal_test

import (
	"crypto"
	"crypto/ed25519"
	"crypto/rand"
	"crypto/x509"
	"crypto/x509/pkix"
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
	d, err := renewal.Classify(app, held, renewal.Policy{})
	if err != nil {
		panic(err)
	}
	fmt.Println(d.Kind, "-", d.Reason)
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
	_, err := renewal.Classify(app, held, renewal.Policy{})
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
	d, err := renewal.Classify(app, held, renewal.Policy{})
	if err != nil {
		panic(err)
	}
	fmt.Println(d.Kind, "-", d.Reason, d.Changed)
	fmt.Println(d.Warnings[0].Code)
	// Output:
	// new - RN-4 subject changed [O]
	// RN-7 key pair reused
}

func ExampleOpensAt() {
	issued := time.Date(2011, 12, 10, 0, 0, 0, 0, time.UTC) // 09:00 JST
	fmt.Println(renewal.OpensAt(issued, renewal.Policy{}).Format(time.RFC3339))
	fmt.Println(renewal.OpensAt(issued, renewal.Policy{Counting: renewal.Elapsed}).In(tz.JST).Format(time.RFC3339))
	// Output:
	// 2012-01-10T00:00:00+09:00
	// 2012-01-09T09:00:00+09:00
}

func ExampleDefaultPolicy() {
	p := renewal.DefaultPolicy()
	fmt.Println(p.Wait, p.Counting, p.Zone)
	// Output: 30 CivilDays JST
}

func ExamplePolicy_Validate() {
	fmt.Println(renewal.Policy{}.Validate())
	fmt.Println(renewal.Policy{Wait: -1}.Validate())
	// Output:
	// <nil>
	// renewal: invalid policy: Wait -1 days
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
	d, err := inv.Classify(app, renewal.Policy{})
	fmt.Println(d.Kind, err)
	app.Additional = true
	d, err = inv.Classify(app, renewal.Policy{})
	fmt.Println(d.Kind, "-", d.Reason, err)
	// Output:
	// renewal <nil>
	// new - RN-1 additional certificate for the same common name <nil>
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

// A 398-day certificate issued in 2025: due in November 2025, when another
// 398-day certificate can still be issued, but its successor will be
// limited to 200 days (TV-6).
func ExamplePlan() {
	nb := time.Date(2025, 3, 1, 0, 0, 0, 0, time.UTC)
	h := renewal.Held{Subject: subject("www.example.jp"), NotBefore: nb, NotAfter: nb.Add(398*24*time.Hour - time.Second)}
	s := renewal.Plan(h, renewal.Policy{})
	fmt.Println("opens   ", s.Opens.In(tz.JST).Format(time.RFC3339))
	fmt.Println("due     ", s.Due.In(tz.JST).Format(time.RFC3339))
	fmt.Println("deadline", s.Deadline.In(tz.JST).Format(time.RFC3339))
	fmt.Println("next max", s.NextMaxDays, "days")
	for _, w := range s.Warnings {
		fmt.Println(w.Code)
	}
	// Output:
	// opens    2025-04-01T00:00:00+09:00
	// due      2025-11-21T17:00:00+09:00
	// deadline 2026-03-27T08:59:59+09:00
	// next max 398 days
	// TV-6 lifetime limit shrinks
}

// A 47-day certificate issued in 2029: the 30-day wait of RN-3 leaves about
// 16 days in which to renew.
func ExamplePlan_fortySevenDays() {
	nb := time.Date(2029, 4, 2, 0, 0, 0, 0, time.UTC)
	h := renewal.Held{Subject: subject("www.example.jp"), NotBefore: nb, NotAfter: nb.Add(47*24*time.Hour - time.Second)}
	s := renewal.Plan(h, renewal.Policy{})
	fmt.Println("opens   ", s.Opens.In(tz.JST).Format(time.RFC3339))
	fmt.Println("due     ", s.Due.In(tz.JST).Format(time.RFC3339))
	fmt.Println("deadline", s.Deadline.In(tz.JST).Format(time.RFC3339))
	fmt.Println("next max", s.NextMaxDays, "days,", len(s.Warnings), "warnings")
	// Output:
	// opens    2029-05-03T00:00:00+09:00
	// due      2029-05-03T17:00:00+09:00
	// deadline 2029-05-12T08:59:59+09:00
	// next max 47 days, 0 warnings
}

func ExampleDueWhenRemaining() {
	nb := time.Date(2025, 3, 1, 0, 0, 0, 0, time.UTC)
	h := renewal.Held{NotBefore: nb, NotAfter: nb.Add(90*24*time.Hour - time.Second)}
	// Half the lifetime left, as lego does for short certificates.
	s := renewal.Plan(h, renewal.Policy{}, renewal.DueWhenRemaining(0.5))
	fmt.Println(s.Due.Format(time.RFC3339))
	// Output: 2025-04-15T00:00:00Z
}

func ExampleSafetyMargin() {
	nb := time.Date(2025, 3, 1, 0, 0, 0, 0, time.UTC)
	h := renewal.Held{NotBefore: nb, NotAfter: nb.Add(90*24*time.Hour - time.Second)}
	s := renewal.Plan(h, renewal.Policy{}, renewal.SafetyMargin(14*24*time.Hour))
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
		s := renewal.Plan(h, renewal.Policy{}, renewal.Spread(48*time.Hour))
		fmt.Println(s.Due.Format(time.RFC3339))
	}
	// Output:
	// 2025-04-30T09:47:13Z
	// 2025-04-30T12:56:17Z
	// 2025-04-30T05:36:33Z
}

// After a renewal the server stopped: the installed certificate's key was
// overwritten by the new key (RN-8 a).
func ExamplePairKeys() {
	installed := faqCert // issued for key(1)
	newKey := key(2)     // written over key(1)
	p := renewal.PairKeys([]*x509.Certificate{installed}, []crypto.PrivateKey{newKey})
	fmt.Println("orphan certificates:", p.OrphanCerts, "orphan keys:", p.OrphanKeys)
	fmt.Println(p.Diagnosis)

	// With the backup of the old key restored, the pair is whole again and
	// the new key waits for its certificate (RN-8 b if configured).
	p = renewal.PairKeys([]*x509.Certificate{installed}, []crypto.PrivateKey{newKey, key(1)})
	fmt.Println("pairs:", p.Pairs, "orphan keys:", p.OrphanKeys)
	fmt.Println(p.Diagnosis)
	// Output:
	// orphan certificates: [0] orphan keys: [0]
	// RN-8 a certificate has no key: the key was overwritten; restore the key backup, or without one install the new certificate at once
	// pairs: [{0 1}] orphan keys: [0]
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

func ExampleKind_String() {
	fmt.Println(renewal.New, renewal.Renewal)
	// Output: new renewal
}

func ExampleClause_String() {
	fmt.Println(renewal.ClauseCommonNameChanged)
	// Output: RN-1 common name changed
}

func ExampleCounting_String() {
	fmt.Println(renewal.CivilDays, renewal.Elapsed)
	// Output: CivilDays Elapsed
}

func ExampleWarningCode_String() {
	fmt.Println(renewal.WarnKeyReused)
	// Output: RN-7 key pair reused
}

func ExampleWarning_String() {
	w := renewal.Warning{Code: renewal.WarnNonASCIIName, Detail: `"例え.jp"`}
	fmt.Println(w)
	// Output: common name is not ASCII: "例え.jp"
}

func ExampleReason_String() {
	fmt.Println(renewal.ReasonZeroTime)
	// Output: zero application instant
}

func ExampleDocumentReason_String() {
	fmt.Println(renewal.DocumentStale)
	// Output: registry copy is older than three months
}

func ExampleCause_String() {
	fmt.Println(renewal.CauseConfigNewKey)
	// Output: RN-8 a key has no certificate: the configuration may point at the new key while the old certificate is still installed
}

func ExampleError_Error() {
	_, err := renewal.Classify(renewal.Application{Subject: subject("www.example.jp")}, nil, renewal.Policy{})
	fmt.Println(err)
	// Output: renewal: zero application instant
}

func ExampleDocumentError_Error() {
	err := renewal.Documents{CompanyCode: "12-34"}.Check(tz.Date{Year: 2024, Month: 5, Day: 1})
	fmt.Println(err)
	// Output: renewal: company code is not all digits: "12-34" (RN-6)
}

func ExampleTooEarlyError_Is() {
	err := error(&renewal.TooEarlyError{})
	fmt.Println(errors.Is(err, renewal.ErrTooEarly))
	// Output: true
}

func ExampleError_Unwrap() {
	csr := request("www.example.jp", key(2))
	csr.Signature[0] ^= 1
	_, err := renewal.ApplicationFrom(csr, time.Date(2012, 11, 1, 0, 0, 0, 0, tz.JST))
	fmt.Println(errors.Unwrap(err) != nil)
	// Output: true
}

func ExampleTooEarlyError_Error() {
	err := &renewal.TooEarlyError{
		At:      time.Date(2024, 1, 20, 0, 0, 0, 0, time.UTC),
		OpensAt: renewal.OpensAt(time.Date(2024, 1, 10, 0, 0, 0, 0, time.UTC), renewal.Policy{}),
		Current: renewal.Held{Subject: subject("www.example.jp")},
	}
	fmt.Println(err)
	// Output: renewal: renewal of "www.example.jp" applied for at 2024-01-20T09:00:00+09:00 is accepted from 2024-02-10T00:00:00+09:00 (RN-3)
}
