package renewal

import (
	"crypto/x509/pkix"
	"encoding/asn1"
	"errors"
	"reflect"
	"testing"
	"time"

	"github.com/certlife/certlife/tz"
	"github.com/google/go-cmp/cmp"
)

func TestOpensAt(t *testing.T) {
	tests := []struct {
		name   string
		why    string
		issued time.Time
		p      Policy
		want   time.Time
	}{
		{
			name:   "RN-3 FAQ example issued 2011-12-10 00:00:00 GMT",
			why:    "09:00 JST on 2011-12-10; day D+31 is 2012-01-10",
			issued: utc(2011, 12, 10, 0, 0, 0),
			want:   jst(2012, 1, 10, 0, 0, 0, 0),
		},
		{
			name:   "RN-3 civil days issued at 23:59:59 JST",
			why:    "the hour of issue does not matter: the day of issue is not counted",
			issued: jst(2024, 1, 10, 23, 59, 59, 0),
			want:   jst(2024, 2, 10, 0, 0, 0, 0),
		},
		{
			name:   "RN-3 civil days issued at 00:00:00 JST",
			issued: jst(2024, 1, 10, 0, 0, 0, 0),
			want:   jst(2024, 2, 10, 0, 0, 0, 0),
		},
		{
			name:   "RN-3 civil days issued on the last nanosecond of a JST day",
			issued: jst(2024, 1, 10, 23, 59, 59, 999999999),
			want:   jst(2024, 2, 10, 0, 0, 0, 0),
		},
		{
			name:   "RN-3 civil days counted in JST, not UTC",
			why:    "2024-01-10T15:00:00Z is already 2024-01-11 in JST",
			issued: utc(2024, 1, 10, 15, 0, 0),
			want:   jst(2024, 2, 11, 0, 0, 0, 0),
		},
		{
			name:   "RN-3 civil days across 29 February",
			why:    "issued 2024-01-30; the 30th day after is 2024-02-29",
			issued: jst(2024, 1, 30, 12, 0, 0, 0),
			want:   jst(2024, 3, 1, 0, 0, 0, 0),
		},
		{
			name:   "RN-3 civil days across a month end and a year end",
			issued: jst(2023, 12, 31, 12, 0, 0, 0),
			want:   jst(2024, 1, 31, 0, 0, 0, 0),
		},
		{
			name:   "RN-3 civil days into 2050",
			why:    "from 2050 notAfter is GeneralizedTime; nothing changes here",
			issued: jst(2049, 12, 1, 9, 0, 0, 0),
			want:   jst(2050, 1, 1, 0, 0, 0, 0),
		},
		{
			name:   "RN-3 civil days in an explicit zone",
			issued: utc(2011, 12, 10, 0, 0, 0),
			p:      with(func(p *Policy) { p.Zone = time.UTC }),
			want:   utc(2012, 1, 10, 0, 0, 0),
		},
		{
			name:   "RN-3 civil days with a configured wait",
			issued: jst(2024, 1, 10, 9, 0, 0, 0),
			p:      with(func(p *Policy) { p.Opens.N = 10 }),
			want:   jst(2024, 1, 21, 0, 0, 0, 0),
		},
		{
			name:   "RN-3 elapsed issued at 23:59:59 JST",
			why:    "exactly 30×24h after the issue instant",
			issued: jst(2024, 1, 10, 23, 59, 59, 0),
			p:      elapsed(),
			want:   jst(2024, 2, 9, 23, 59, 59, 0),
		},
		{
			name:   "RN-3 elapsed issued at 00:00:00 JST",
			issued: jst(2024, 1, 10, 0, 0, 0, 0),
			p:      elapsed(),
			want:   jst(2024, 2, 9, 0, 0, 0, 0),
		},
		{
			name:   "RN-3 elapsed ignores the zone",
			issued: utc(2011, 12, 10, 0, 0, 0),
			p:      with(func(p *Policy) { p.Counting, p.Zone = Elapsed, time.UTC }),
			want:   utc(2012, 1, 9, 0, 0, 0),
		},
		{
			name:   "RN-3 DefaultPolicy is SeedCA's",
			issued: utc(2011, 12, 10, 0, 0, 0),
			p:      DefaultPolicy(),
			want:   jst(2012, 1, 10, 0, 0, 0, 0),
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := tt.p
			if p.Opens.Rule == 0 {
				p = DefaultPolicy()
			}
			got, err := OpensAt(Held{NotBefore: tt.issued, NotAfter: tt.issued.AddDate(1, 0, 0)}, p)
			if err != nil || !got.Equal(tt.want) {
				t.Errorf("OpensAt(%v) = %v, %v; want %v (%s)", tt.issued, got, err, tt.want, tt.why)
			}
		})
	}
}

type classifyCase struct {
	name       string
	why        string
	app        Application
	held       []Held
	p          Policy
	want       Decision
	opts       []Option
	wantEarly  *TooEarlyError
	wantReason Reason
}

// policy returns the case's policy, SeedCA's when the case sets none.
func (c classifyCase) policy() Policy {
	if c.p.Opens.Rule == 0 && c.p.Opens.N == 0 {
		return DefaultPolicy()
	}
	return c.p
}

func classifyCases() []classifyCase {
	kOld, kCur, kNew, kMail := edKey(1), edKey(2), edKey(3), edKey(4)
	// The current certificate for www.example.jp, issued on 2024-01-10 at
	// the last second of the JST day: renewal opens 2024-02-10 00:00 JST
	// under CivilDays and 2024-02-09 23:59:59 JST under Elapsed.
	issued := jst(2024, 1, 10, 23, 59, 59, 0)
	old := held("www.example.jp", jst(2023, 1, 5, 10, 0, 0, 0), kOld.Public(), 1)
	cur := held("www.example.jp", issued, kCur.Public(), 2)
	mail := held("mail.example.jp", jst(2023, 6, 1, 10, 0, 0, 0), kMail.Public(), 3)
	// A certificate issued at 00:00:00 JST for the boundary under both
	// countings.
	midnight := held("api.example.jp", jst(2024, 1, 10, 0, 0, 0, 0), kOld.Public(), 4)
	all := []Held{old, cur, mail}

	app := func(cn string, at time.Time) Application {
		return Application{Subject: subject(cn), PublicKey: kNew.Public(), At: at}
	}
	after := jst(2024, 3, 1, 12, 0, 0, 0)
	opens := jst(2024, 2, 10, 0, 0, 0, 0)
	ns := time.Nanosecond
	renewal := func(h Held, warn ...Warning) Decision {
		return Decision{Kind: KindRenewal, Clause: ClauseAfterWait, Renews: &h, Current: &h, Warnings: warn}
	}
	w := func(c WarningCode) Warning { return Warning{Code: c} }

	return []classifyCase{
		// RN-1
		{
			name: "RN-1 no held certificates is new",
			app:  app("www.example.jp", after),
			want: Decision{Kind: KindNew, Clause: ClauseFirstCertificate},
		},
		{
			name: "RN-1 common name changed is new",
			why:  "the applicant holds certificates, none for this name",
			app:  app("shop.example.jp", after),
			held: all,
			want: Decision{Kind: KindNew, Clause: ClauseNoCertificateForName},
		},
		{
			name: "RN-1 common name changed is new even within the wait",
			app:  app("shop.example.jp", issued.Add(time.Hour)),
			held: all,
			want: Decision{Kind: KindNew, Clause: ClauseNoCertificateForName},
		},
		{
			name: "RN-1 additional certificate for the same common name is new",
			why:  "a load-balanced server; RN-3's wait does not apply to a new application",
			app:  Application{Subject: subject("www.example.jp"), PublicKey: kNew.Public(), Additional: true, At: issued.Add(time.Hour)},
			held: all,
			want: Decision{Kind: KindNew, Clause: ClauseAdditional, Current: &cur},
		},
		{
			name: "RN-1 additional certificate for a name not held is new with a warning",
			app:  Application{Subject: subject("shop.example.jp"), Additional: true, At: after},
			held: all,
			want: Decision{Kind: KindNew, Clause: ClauseNoCertificateForName, Warnings: []Warning{w(WarnAdditionalNotHeld)}},
		},
		// RN-2
		{
			name: "RN-2 same common name after the wait is a renewal",
			app:  app("www.example.jp", after),
			held: all,
			want: renewal(cur),
		},
		{
			name: "RN-2 common name differing only in case is a renewal",
			why:  "common names compare as DNS names, without regard to ASCII case (RFC 4343)",
			app:  app("WWW.Example.JP", after),
			held: all,
			want: renewal(cur),
		},
		{
			name: "RN-2 common name with a trailing dot is a renewal",
			app:  app("www.example.jp.", after),
			held: all,
			want: renewal(cur),
		},
		{
			name: "RN-2 several held certificates for one name: the latest issued is current",
			why:  "old was issued in 2023; cur on 2024-01-10 is the one renewed",
			app:  app("www.example.jp", after),
			held: []Held{cur, old, mail},
			want: renewal(cur),
		},
		{
			name: "RN-2 non-ASCII common name compared by simple case folding",
			why:  "ＷＷＷ (fullwidth) folds to ｗｗｗ; no IDNA mapping, so a warning",
			app:  app("ｗｗｗ.例え.jp", after),
			held: []Held{held("ＷＷＷ.例え.JP", issued, kCur.Public(), 9)},
			want: renewal(held("ＷＷＷ.例え.JP", issued, kCur.Public(), 9), w(WarnNonASCIIName)),
		},
		{
			name: "RN-1 U-label and A-label are different names",
			why:  "no IDNA: xn--r8jz45g is 例え but is not mapped",
			app:  app("www.例え.jp", after),
			held: []Held{held("www.xn--r8jz45g.jp", issued, kCur.Public(), 9)},
			want: Decision{Kind: KindNew, Clause: ClauseNoCertificateForName, Warnings: []Warning{w(WarnNonASCIIName)}},
		},
		{
			name: "RN-2 renewal of an expired certificate warns",
			why:  "the rules do not refuse it; the CA may want to look",
			app:  app("www.example.jp", jst(2025, 6, 1, 0, 0, 0, 0)),
			held: all,
			want: renewal(cur, w(WarnCurrentExpired)),
		},
		{
			name: "RN-5 a renewal applied for by another person is a renewal",
			why:  "an Application has no applicant; the same CSR from anyone decides the same (see TestClassifyWithoutApplicant)",
			app:  app("www.example.jp", after),
			held: all,
			want: renewal(cur),
		},
		{
			name: "RN-9 a CSR made with the server's new-certificate procedure can be a renewal",
			why:  "the server procedure is not part of the application (see TestClassifyCSRProcedure)",
			app:  app("www.example.jp", after),
			held: all,
			want: renewal(cur),
		},
		// RN-3 boundaries, CivilDays and Elapsed, issued at 23:59:59 and at
		// 00:00:00 JST.
		{
			name:      "RN-3 civil days issued 23:59:59 JST: 1ns before opening is too early",
			app:       app("www.example.jp", opens.Add(-ns)),
			held:      all,
			wantEarly: &TooEarlyError{At: opens.Add(-ns), OpensAt: opens, Current: cur},
		},
		{
			name: "RN-3 civil days issued 23:59:59 JST: at the opening instant is a renewal",
			app:  app("www.example.jp", opens),
			held: all,
			want: renewal(cur),
		},
		{
			name: "RN-3 civil days issued 23:59:59 JST: 1ns after opening is a renewal",
			app:  app("www.example.jp", opens.Add(ns)),
			held: all,
			want: renewal(cur),
		},
		{
			name:      "RN-3 civil days issued 00:00:00 JST: 1ns before opening is too early",
			app:       app("api.example.jp", opens.Add(-ns)),
			held:      []Held{midnight},
			wantEarly: &TooEarlyError{At: opens.Add(-ns), OpensAt: opens, Current: midnight},
		},
		{
			name: "RN-3 civil days issued 00:00:00 JST: at the opening instant is a renewal",
			app:  app("api.example.jp", opens),
			held: []Held{midnight},
			want: renewal(midnight),
		},
		{
			name:      "RN-3 elapsed issued 23:59:59 JST: 1ns before 30×24h is too early",
			app:       app("www.example.jp", issued.Add(720*time.Hour-ns)),
			held:      all,
			p:         elapsed(),
			wantEarly: &TooEarlyError{At: issued.Add(720*time.Hour - ns), OpensAt: jst(2024, 2, 9, 23, 59, 59, 0), Current: cur},
		},
		{
			name: "RN-3 elapsed issued 23:59:59 JST: at 30×24h is a renewal",
			why:  "2024-02-09 23:59:59 JST, earlier than under civil days",
			app:  app("www.example.jp", jst(2024, 2, 9, 23, 59, 59, 0)),
			held: all,
			p:    elapsed(),
			want: renewal(cur),
		},
		{
			name: "RN-3 elapsed issued 23:59:59 JST: 1ns after 30×24h is a renewal",
			app:  app("www.example.jp", jst(2024, 2, 9, 23, 59, 59, 1)),
			held: all,
			p:    elapsed(),
			want: renewal(cur),
		},
		{
			name:      "RN-3 elapsed issued 00:00:00 JST: 1ns before 30×24h is too early",
			app:       app("api.example.jp", jst(2024, 2, 9, 0, 0, 0, 0).Add(-ns)),
			held:      []Held{midnight},
			p:         elapsed(),
			wantEarly: &TooEarlyError{At: jst(2024, 2, 9, 0, 0, 0, 0).Add(-ns), OpensAt: jst(2024, 2, 9, 0, 0, 0, 0), Current: midnight},
		},
		{
			name: "RN-3 elapsed issued 00:00:00 JST: at 30×24h is a renewal",
			app:  app("api.example.jp", jst(2024, 2, 9, 0, 0, 0, 0)),
			held: []Held{midnight},
			p:    elapsed(),
			want: renewal(midnight),
		},
		{
			name: "RN-3 civil days issued 00:00:00 JST: 1ns after opening is a renewal",
			app:  app("api.example.jp", opens.Add(ns)),
			held: []Held{midnight},
			want: renewal(midnight),
		},
		{
			name: "RN-3 elapsed issued 00:00:00 JST: 1ns after 30×24h is a renewal",
			app:  app("api.example.jp", jst(2024, 2, 9, 0, 0, 0, 1)),
			held: []Held{midnight},
			p:    elapsed(),
			want: renewal(midnight),
		},
		{
			name:      "RN-3 the wait runs from the latest issued certificate",
			why:       "old opened long ago, but cur was issued on 2024-01-10",
			app:       app("www.example.jp", jst(2024, 1, 20, 0, 0, 0, 0)),
			held:      []Held{old, cur},
			wantEarly: &TooEarlyError{At: jst(2024, 1, 20, 0, 0, 0, 0), OpensAt: opens, Current: cur},
		},
		// RN-4
		{
			name: "RN-4 organization changed is new",
			why:  "any subject information, not only the common name",
			app: Application{Subject: func() pkix.Name {
				n := subject("www.example.jp")
				n.Organization = []string{"Example Holdings Co., Ltd."}
				return n
			}(), PublicKey: kNew.Public(), At: after},
			held: all,
			want: Decision{Kind: KindNew, Clause: ClauseSubjectChanged, Current: &cur, Changed: []string{"O"}},
		},
		{
			name: "RN-4 subject change is new even within the wait; an OU only in the CSR is not compared",
			why:  "the certificate has no OU: the CA may have dropped it, so only L, which both carry, counts",
			app: Application{Subject: func() pkix.Name {
				n := subject("www.example.jp")
				n.Locality = []string{"Chiyoda-ku"}
				n.OrganizationalUnit = []string{"IT"}
				return n
			}(), PublicKey: kNew.Public(), At: issued.Add(time.Hour)},
			held: all,
			want: Decision{Kind: KindNew, Clause: ClauseSubjectChanged, Current: &cur, Changed: []string{"L"}},
		},
		{
			name: "RN-4 case and white space of subject values do not count as a change",
			why:  "RFC 5280 section 7.1 comparison, without Unicode normalization",
			app: Application{Subject: func() pkix.Name {
				n := subject("www.example.jp")
				n.Organization = []string{"  EXAMPLE  co., ltd. "}
				return n
			}(), PublicKey: kNew.Public(), At: after},
			held: all,
			want: renewal(cur),
		},
		{
			name: "RN-4 an ignored attribute does not count as a change",
			why:  "the CA drops OU, so last year's certificate has none while the CSR still has it",
			app: Application{Subject: func() pkix.Name {
				n := subject("www.example.jp")
				n.OrganizationalUnit = []string{"IT"}
				return n
			}(), PublicKey: kNew.Public(), At: after},
			held: all,
			opts: []Option{IgnoreAttributes(asn1.ObjectIdentifier{2, 5, 4, 11})},
			want: renewal(cur),
		},
		{
			name: "RN-4 an attribute not ignored still counts",
			app: Application{Subject: func() pkix.Name {
				n := subject("www.example.jp")
				n.OrganizationalUnit = []string{"IT"}
				n.Province = []string{"Kanagawa"}
				return n
			}(), PublicKey: kNew.Public(), At: after},
			held: all,
			opts: []Option{IgnoreAttributes(asn1.ObjectIdentifier{2, 5, 4, 11})},
			want: Decision{Kind: KindNew, Clause: ClauseSubjectChanged, Current: &cur, Changed: []string{"ST"}},
		},
		// RN-7
		{
			name: "RN-7 reusing the current certificate's key is a warning on a renewal",
			app:  Application{Subject: subject("www.example.jp"), PublicKey: kCur.Public(), At: after},
			held: all,
			want: renewal(cur, w(WarnKeyReused)),
		},
		{
			name: "RN-7 reusing another held certificate's key is a warning on a new application",
			app:  Application{Subject: subject("shop.example.jp"), PublicKey: kMail.Public(), At: after},
			held: all,
			want: Decision{Kind: KindNew, Clause: ClauseNoCertificateForName, Warnings: []Warning{w(WarnKeyReused)}},
		},
		{
			name: "RN-7 reusing the key on an additional certificate is a warning too",
			app:  Application{Subject: subject("www.example.jp"), PublicKey: kCur.Public(), Additional: true, At: after},
			held: all,
			want: Decision{Kind: KindNew, Clause: ClauseAdditional, Current: &cur, Warnings: []Warning{w(WarnKeyReused)}},
		},
		{
			name: "RN-7 an application without a public key is not compared",
			app:  Application{Subject: subject("www.example.jp"), At: after},
			held: all,
			want: renewal(cur),
		},
		// Errors.
		{
			name:       "RN-3 a zero application instant is an error, not now",
			app:        app("www.example.jp", time.Time{}),
			held:       all,
			wantReason: ReasonZeroTime,
		},
		{
			name:       "RN-1 an empty common name is an error",
			app:        app("", after),
			held:       all,
			wantReason: ReasonNoCommonName,
		},
		{
			name:       "RN-1 a common name of one dot is an error",
			app:        app(".", after),
			held:       all,
			wantReason: ReasonNoCommonName,
		},
		{
			name:       "RN-3 a negative wait is an error",
			app:        app("www.example.jp", after),
			held:       all,
			p:          with(func(p *Policy) { p.Opens.N = -30 }),
			wantReason: ReasonBadPolicy,
		},
	}
}

func TestClassify(t *testing.T) {
	for _, tt := range classifyCases() {
		for _, impl := range []struct {
			name     string
			classify func() (Decision, error)
		}{
			{"slice", func() (Decision, error) { return Classify(tt.app, tt.held, tt.policy(), tt.opts...) }},
			{"inventory", func() (Decision, error) { return NewInventory(tt.held).Classify(tt.app, tt.policy(), tt.opts...) }},
		} {
			t.Run(tt.name+"/"+impl.name, func(t *testing.T) {
				got, err := impl.classify()
				switch {
				case tt.wantEarly != nil:
					var e *TooEarlyError
					if !errors.As(err, &e) || !errors.Is(err, ErrTooEarly) {
						t.Fatalf("Classify() error = %v, want a *TooEarlyError matching ErrTooEarly (%s)", err, tt.why)
					}
					if diff := cmp.Diff(tt.wantEarly, e, cmpHeld); diff != "" {
						t.Errorf("TooEarlyError mismatch (-want +got):\n%s", diff)
					}
				case tt.wantReason != 0:
					var e *Error
					if !errors.As(err, &e) || e.Reason != tt.wantReason {
						t.Fatalf("Classify() error = %v, want reason %v", err, tt.wantReason)
					}
				default:
					if err != nil {
						t.Fatalf("Classify() error = %v (%s)", err, tt.why)
					}
					if diff := cmp.Diff(tt.want, got, cmpHeld, warningCodes); diff != "" {
						t.Errorf("Classify() mismatch (-want +got): %s\n%s", tt.why, diff)
					}
				}
			})
		}
	}
}

// TestClassifyWithoutApplicant pins RN-5 and RN-9: an Application has no
// field for who applies or for how the CSR was made on the server, so
// neither can change the category.
func TestClassifyWithoutApplicant(t *testing.T) {
	var fields []string
	typ := reflect.TypeFor[Application]()
	for i := range typ.NumField() {
		fields = append(fields, typ.Field(i).Name)
	}
	want := []string{"Subject", "DNSNames", "PublicKey", "Additional", "Replaces", "At"}
	if diff := cmp.Diff(want, fields); diff != "" {
		t.Errorf("RN-5/RN-9 Application fields changed (-want +got):\n%s\nan applicant or CSR-procedure field must not decide the category", diff)
	}
}

// TestClassifyCSRProcedure pins RN-9: CSRs made with different keys and
// algorithms (as a server's "new" and "renewal" procedures would) classify
// the same.
func TestClassifyCSRProcedure(t *testing.T) {
	h := []Held{held("www.example.jp", jst(2024, 1, 10, 9, 0, 0, 0), edKey(1).Public(), 1)}
	at := jst(2024, 3, 1, 0, 0, 0, 0)
	var got []Decision
	for _, der := range [][]byte{newCSR(t, subject("www.example.jp"), edKey(2)), newCSR(t, subject("www.example.jp"), ecKey(t))} {
		app := mustApplication(t, der, at)
		d, err := Classify(app, h, DefaultPolicy())
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, d)
	}
	if diff := cmp.Diff(got[0], got[1], cmpHeld, warningCodes); diff != "" {
		t.Errorf("RN-9 CSR procedure changed the decision (-first +second):\n%s", diff)
	}
	if got[0].Kind != KindRenewal {
		t.Errorf("RN-9 Kind = %v, want renewal", got[0].Kind)
	}
}

func TestTooEarlyErrorMessage(t *testing.T) {
	h := held("www.example.jp", utc(2011, 12, 10, 0, 0, 0), nil, 1)
	_, err := Classify(Application{Subject: subject("www.example.jp"), At: jst(2011, 12, 20, 9, 0, 0, 0)}, []Held{h}, DefaultPolicy())
	want := `renewal: renewal of "www.example.jp" applied for at 2011-12-20T09:00:00+09:00 is accepted from 2012-01-10T00:00:00+09:00 (RN-3)`
	if err == nil || err.Error() != want {
		t.Errorf("RN-3 error = %v, want %s", err, want)
	}
}

func TestKeyReusedDetail(t *testing.T) {
	k := edKey(1)
	h := held("www.example.jp", jst(2024, 1, 10, 9, 0, 0, 0), k.Public(), 0xabc)
	d, err := Classify(Application{Subject: subject("www.example.jp"), PublicKey: k.Public(), At: jst(2024, 3, 1, 0, 0, 0, 0)}, []Held{h}, DefaultPolicy())
	if err != nil {
		t.Fatal(err)
	}
	want := []Warning{{WarnKeyReused, `the CSR's public key is that of the current certificate "www.example.jp" (serial 0a:bc); make a new key pair and CSR for every renewal`}}
	if diff := cmp.Diff(want, d.Warnings); diff != "" {
		t.Errorf("RN-7 warnings (-want +got):\n%s", diff)
	}
}

func TestNormalizeName(t *testing.T) {
	tests := []struct {
		name, in, want string
		ascii          bool
	}{
		{"RN-2 lower-case ASCII unchanged", "www.example.jp", "www.example.jp", true},
		{"RN-2 ASCII case folded", "WWW.Example.JP", "www.example.jp", true},
		{"RN-2 one trailing dot removed", "www.example.jp.", "www.example.jp", true},
		{"RN-2 only one trailing dot removed", "www.example.jp..", "www.example.jp.", true},
		{"RN-2 Kelvin sign folds to k as EqualFold has it", "\u212Aey.jp", "key.jp", false},
		{"RN-2 fullwidth letters fold to the smallest of their orbit", "ｗｗＷ.jp", "ＷＷＷ.jp", false},
		{"RN-2 invalid UTF-8 kept as bytes", "a\xffB", "a\xffb", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ascii := normalizeName(tt.in)
			if got != tt.want || ascii != tt.ascii {
				t.Errorf("normalizeName(%q) = %q, %v; want %q, %v", tt.in, got, ascii, tt.want, tt.ascii)
			}
		})
	}
	if n := testing.AllocsPerRun(10, func() { normalizeName("www.example.jp") }); n != 0 {
		t.Errorf("normalizeName of a clean name allocates %v times", n)
	}
}

func TestInventoryCurrent(t *testing.T) {
	old := held("www.example.jp", jst(2023, 1, 5, 10, 0, 0, 0), nil, 1)
	cur := held("www.example.jp", jst(2024, 1, 10, 10, 0, 0, 0), nil, 2)
	// Same notBefore as cur, later in the slice, earlier notAfter: cur
	// stays current.
	twin := cur
	twin.NotAfter = cur.NotAfter.Add(-time.Hour)
	twin.SerialNumber = nil
	inv := NewInventory([]Held{cur, old, twin, held("", cur.NotBefore, nil, 9)})
	got, ok := inv.Current("WWW.EXAMPLE.JP.")
	if !ok || !heldEqual(got, cur) {
		t.Errorf("RN-2 Current = %v, %v; want the latest issued, serial 2", got.SerialNumber, ok)
	}
	if _, ok := inv.Current(""); ok {
		t.Errorf("RN-1 Current(\"\") found a certificate")
	}
	if inv.Len() != 4 {
		t.Errorf("Len() = %d, want 4", inv.Len())
	}
}

func TestDecisionStrings(t *testing.T) {
	got := []string{KindNew.String(), KindRenewal.String(), Kind(9).String(), ClauseSubjectChanged.String(), Clause(0).String(),
		CivilDays.String(), Elapsed.String(), WarnKeyReused.String(), WarningCode(0).String(),
		Warning{Code: WarnNonASCIIName}.String(), ReasonZeroTime.String(), Reason(0).String()}
	want := []string{"new", "renewal", "Kind(9)", "RN-4 subject changed", "Clause(0)", "CivilDays", "Elapsed",
		"RN-7 key pair reused", "WarningCode(0)", "common name is not ASCII", "zero instant", "Reason(0)"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("strings (-want +got):\n%s", diff)
	}
	if DefaultPolicy().Zone != tz.JST {
		t.Errorf("DefaultPolicy zone = %v", DefaultPolicy().Zone)
	}
}

// TestInventoryConcurrent runs Inventory.Classify from several goroutines;
// with -race it checks that the inventory is read-only after NewInventory.
func TestInventoryConcurrent(t *testing.T) {
	inv := NewInventory(benchHeld(1000))
	apps := benchApps(1000)
	done := make(chan struct{})
	for g := range 4 {
		go func() {
			defer func() { done <- struct{}{} }()
			for i := g; i < len(apps); i += 4 {
				if _, err := inv.Classify(apps[i], DefaultPolicy()); err != nil {
					t.Error(err)
				}
			}
		}()
	}
	for range 4 {
		<-done
	}
}

// TestClassifyParsedSubject compares a parsed CSR subject, whose attributes
// crypto/x509 keeps in Names, with certificates: attributes it has no field
// for (businessCategory) count for RN-4 too.
func TestClassifyParsedSubject(t *testing.T) {
	k := edKey(1)
	nb := jst(2024, 1, 10, 9, 0, 0, 0)
	cert := newCert(t, "www.example.jp", k, 1, nb, nb.AddDate(1, 0, 0))
	h := []Held{HeldFrom(cert)}
	at := jst(2024, 3, 1, 0, 0, 0, 0)
	withCategory := subject("www.example.jp")
	withCategory.ExtraNames = []pkix.AttributeTypeAndValue{{Type: asn1.ObjectIdentifier{2, 5, 4, 15}, Value: "Private Organization"}}
	lastCSR := mustApplication(t, newCSR(t, subject("www.example.jp"), edKey(1)), at).Subject
	withRequest := h[0]
	withRequest.RequestSubject = &lastCSR
	tests := []struct {
		name string
		subj pkix.Name
		held Held
		want Decision
	}{
		{
			name: "RN-2 the same subject, parsed on both sides, is a renewal",
			subj: subject("www.example.jp"),
			held: h[0],
			want: Decision{Kind: KindRenewal, Clause: ClauseAfterWait, Renews: &h[0], Current: &h[0]},
		},
		{
			name: "RN-4 an attribute the certificate lacks is not compared with the certificate alone",
			subj: withCategory,
			held: h[0],
			want: Decision{Kind: KindRenewal, Clause: ClauseAfterWait, Renews: &h[0], Current: &h[0]},
		},
		{
			name: "RN-4 an added attribute without a pkix.Name field is a change from last year's CSR",
			subj: withCategory,
			held: withRequest,
			want: Decision{Kind: KindNew, Clause: ClauseSubjectChanged, Current: &withRequest, Changed: []string{"businessCategory"}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			app := mustApplication(t, newCSR(t, tt.subj, edKey(2)), at)
			got, err := Classify(app, []Held{tt.held}, DefaultPolicy())
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, got, cmpHeld, warningCodes); diff != "" {
				t.Errorf("Classify() mismatch (-want +got):\n%s", diff)
			}
		})
	}
}
