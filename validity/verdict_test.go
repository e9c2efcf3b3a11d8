package validity_test

import (
	"crypto/x509"
	"errors"
	"math"
	"testing"
	"time"

	"github.com/certlife/certlife/validity"
	"github.com/google/go-cmp/cmp"
)

const (
	day = 24 * time.Hour
	ns  = time.Nanosecond
	sec = time.Second
)

// span returns the period from nb whose notAfter is nb + d: a period of
// TV-3 length d + 1 s.
func span(nb time.Time, d time.Duration) validity.Period {
	return validity.Period{NotBefore: nb, NotAfter: nb.Add(d)}
}

// A verdictCase is a period or certificate and the Verdict a check must
// give: its Outcome and Reason, and the Days and Length measured.
type verdictCase struct {
	name    string
	p       validity.Period
	outcome validity.Outcome
	reason  validity.Reason
	days    int
	length  time.Duration
	why     string
}

func TestCheckTLSServerPeriod(t *testing.T) {
	var (
		y17 = utc(2017, 1, 1, 0, 0, 0)
		y19 = utc(2019, 1, 1, 0, 0, 0)
		m39 = utc(2020, 4, 1, 0, 0, 0).Sub(y17) // 39 months from 2017-01-01: 1186 days
	)
	const (
		na   = validity.OutcomeNotApplicable
		pass = validity.OutcomePass
		warn = validity.OutcomeWarning
		fail = validity.OutcomeError
		ok   = validity.ReasonCompliant
		over = validity.ReasonLifetimeExceeded
		rec  = validity.ReasonLifetimeWarning
	)
	tests := []verdictCase{
		// The 39-month step: notAfter - notBefore, no +1 s (BR 1.7.1's
		// Validity Period "prior to 2020-09-01"); zlint's 39months.pem.
		{"TV-6 39 months exactly from 2017-01-01 complies", span(y17, m39), pass, ok, 1186, m39, "zlint 39months.pem: 2017-01-01 to 2020-04-01 00:00:00 passes"},
		{"TV-6 39 months and 1ns from 2017-01-01 is exceeded", span(y17, m39+ns), fail, over, 1187, m39 + ns, ""},
		{"TV-6 39 months and 1s from 2017-01-01 is exceeded", span(y17, m39+sec), fail, over, 1187, m39 + sec, ""},
		{"TV-6 39 months less 1s from 2017-01-01 complies", span(y17, m39-sec), pass, ok, 1186, m39 - sec, ""},
		{"TV-6 39 months less 1ns from 2017-01-01 complies", span(y17, m39-ns), pass, ok, 1186, m39 - ns, ""},
		{"TV-6 39 months at the first instant of the step", span(s39, utc(2019, 10, 2, 0, 0, 0).Sub(s39)), pass, ok, 1187, utc(2019, 10, 2, 0, 0, 0).Sub(s39), "2016-07-02 + 39 months"},
		{"TV-6 39 months and 1s at the first instant of the step", span(s39, utc(2019, 10, 2, 0, 0, 1).Sub(s39)), fail, over, 1188, utc(2019, 10, 2, 0, 0, 1).Sub(s39), ""},
		{"TV-6 39 months clamped to 29 February complies", span(utc(2016, 11, 30, 12, 0, 0), utc(2020, 2, 29, 12, 0, 0).Sub(utc(2016, 11, 30, 12, 0, 0))), pass, ok, 1186, utc(2020, 2, 29, 12, 0, 0).Sub(utc(2016, 11, 30, 12, 0, 0)), "the day clamped to the end of February"},
		{"TV-6 39 months past 29 February is exceeded", span(utc(2016, 11, 30, 12, 0, 0), utc(2020, 2, 29, 12, 0, 1).Sub(utc(2016, 11, 30, 12, 0, 0))), fail, over, 1187, utc(2020, 2, 29, 12, 0, 1).Sub(utc(2016, 11, 30, 12, 0, 0)), "zlint lets the month overflow to 1 March: a deliberate difference"},
		{"TV-6 1 March 2018 is in the 39-month step", span(utc(2018, 3, 1, 12, 0, 0), 1186*day), pass, ok, 1186, 1186 * day, "the BRs' gap day; 825 days would be exceeded"},
		{"TV-6 1s before the 825-day step, 39 months apply", span(s825.Add(-sec), 1000*day), pass, ok, 1000, 1000 * day, ""},
		// The 825-day step: the same measure; zlint's subCert825DaysOK.pem.
		{"TV-6 825 days exactly from 2018-03-02 complies", span(s825, 825*day), pass, ok, 825, 825 * day, "no +1 s before 2020-09-01"},
		{"TV-6 825 days and 1ns from 2018-03-02 is exceeded", span(s825, 825*day+ns), fail, over, 826, 825*day + ns, ""},
		{"TV-6 825 days and 1s from 2018-03-02 is exceeded", span(s825, 825*day+sec), fail, over, 826, 825*day + sec, ""},
		{"TV-6 825 days less 1s from 2018-03-02 complies", span(s825, 825*day-sec), pass, ok, 825, 825*day - sec, ""},
		{"TV-6 825 days exactly in 2019 complies", span(y19, 825*day), pass, ok, 825, 825 * day, "the issue's example"},
		{"TV-6 825 days and 1s in 2019 is exceeded", span(y19, 825*day+sec), fail, over, 826, 825*day + sec, ""},
		{"TV-6 zlint subCert825DaysOK.pem", validity.Period{NotBefore: utc(2018, 3, 2, 15, 49, 34), NotAfter: utc(2020, 6, 4, 15, 49, 34)}, pass, ok, 825, 825 * day, ""},
		{"TV-6 zlint subCertOver825DaysBad.pem", validity.Period{NotBefore: utc(2018, 3, 2, 15, 49, 33), NotAfter: utc(2020, 6, 6, 15, 49, 33)}, fail, over, 827, 827 * day, ""},
		{"TV-6 825 days exactly 1s before 2020-09-01 complies", span(s398.Add(-sec), 825*day), pass, ok, 825, 825 * day, "the old measure to the last second"},
		{"TV-6 825 days exactly 1ns before 2020-09-01 complies", span(s398.Add(-ns), 825*day), pass, ok, 825, 825 * day, ""},
		// From 2020-09-01: TV-3's inclusive measure, NotAfter - NotBefore + 1 s.
		{"TV-6 398 days at 2020-09-01 is a warning", span(s398, 398*day-sec), warn, rec, 398, 398 * day, "SHOULD NOT 397"},
		{"TV-6 398 days and 1ns at 2020-09-01 is exceeded", span(s398, 398*day-sec+ns), fail, over, 399, 398*day + ns, ""},
		{"TV-6 398 days and 1s at 2020-09-01 is exceeded", span(s398, 398*day), fail, over, 399, 398*day + sec, "the old measure's 398 days is TV-3's 398 days + 1 s"},
		{"TV-6 397 days at 2020-09-01 complies", span(s398, 397*day-sec), pass, ok, 397, 397 * day, ""},
		{"TV-6 397 days and 1ns at 2020-09-01 is a warning", span(s398, 397*day-sec+ns), warn, rec, 398, 397*day + ns, ""},
		{"TV-6 397 days and 1s at 2020-09-01 is a warning", span(s398, 397*day), warn, rec, 398, 397*day + sec, ""},
		{"TV-6 398 days 1s after 2020-09-01 is a warning", span(s398.Add(sec), 398*day-sec), warn, rec, 398, 398 * day, ""},
		{"TV-6 yearly renewal (366 days) before 2026-03-15 complies", span(utc(2025, 3, 14, 0, 0, 0), 366*day-sec), pass, ok, 366, 366 * day, ""},
		{"TV-6 398 days 1ns before 2026-03-15 is a warning", span(s200.Add(-ns), 398*day-sec), warn, rec, 398, 398 * day, ""},
		{"TV-6 398 days 1s before 2026-03-15 is a warning", span(s200.Add(-sec), 398*day-sec), warn, rec, 398, 398 * day, ""},
		{"TV-6 398 days at 2026-03-15 is exceeded", span(s200, 398*day-sec), fail, over, 398, 398 * day, ""},
		{"TV-6 200 days at 2026-03-15 is a warning", span(s200, 200*day-sec), warn, rec, 200, 200 * day, "zlint exactlyOnFirstMilestoneExactly200days.pem passes e_, warns w_"},
		{"TV-6 200 days and 1ns at 2026-03-15 is exceeded", span(s200, 200*day-sec+ns), fail, over, 201, 200*day + ns, ""},
		{"TV-6 200 days and 1s at 2026-03-15 is exceeded", span(s200, 200*day), fail, over, 201, 200*day + sec, ""},
		{"TV-6 199 days at 2026-03-15 complies", span(s200, 199*day-sec), pass, ok, 199, 199 * day, ""},
		{"TV-6 199 days and 1ns at 2026-03-15 is a warning", span(s200, 199*day-sec+ns), warn, rec, 200, 199*day + ns, ""},
		{"TV-6 199 days and 1s at 2026-03-15 is a warning", span(s200, 199*day), warn, rec, 200, 199*day + sec, ""},
		{"TV-6 yearly renewal (365 days) from 2026-03-15 is exceeded", span(s200, 365*day-sec), fail, over, 365, 365 * day, "a yearly cadence ends"},
		{"TV-6 200 days 1s before 2027-03-15 is a warning", span(s100.Add(-sec), 200*day-sec), warn, rec, 200, 200 * day, ""},
		{"TV-6 200 days at 2027-03-15 is exceeded", span(s100, 200*day-sec), fail, over, 200, 200 * day, ""},
		{"TV-6 100 days at 2027-03-15 is a warning", span(s100, 100*day-sec), warn, rec, 100, 100 * day, ""},
		{"TV-6 100 days and 1s at 2027-03-15 is exceeded", span(s100, 100*day), fail, over, 101, 100*day + sec, ""},
		{"TV-6 99 days at 2027-03-15 complies", span(s100, 99*day-sec), pass, ok, 99, 99 * day, ""},
		{"TV-6 99 days and 1s at 2027-03-15 is a warning", span(s100, 99*day), warn, rec, 100, 99*day + sec, ""},
		{"TV-6 100 days 1s before 2029-03-15 is a warning", span(s47.Add(-sec), 100*day-sec), warn, rec, 100, 100 * day, ""},
		{"TV-6 47 days at 2029-03-15 is a warning", span(s47, 47*day-sec), warn, rec, 47, 47 * day, ""},
		{"TV-6 47 days and 1ns at 2029-03-15 is exceeded", span(s47, 47*day-sec+ns), fail, over, 48, 47*day + ns, ""},
		{"TV-6 47 days and 1s at 2029-03-15 is exceeded", span(s47, 47*day), fail, over, 48, 47*day + sec, ""},
		{"TV-6 46 days at 2029-03-15 complies", span(s47, 46*day-sec), pass, ok, 46, 46 * day, ""},
		{"TV-6 46 days and 1s at 2029-03-15 is a warning", span(s47, 46*day), warn, rec, 47, 46*day + sec, ""},
		// No limit, and input that cannot be judged.
		{"TV-6 Q9 certificate of 2011 has no limit", q9(t), na, validity.ReasonNoLimit, 367, 367 * day, "issued before 2016-07-02"},
		{"TV-6 1ns before 2016-07-02 has no limit", span(s39.Add(-ns), 3650*day), na, validity.ReasonNoLimit, 3651, 3650*day + sec, "TV-3's measure where no step says otherwise"},
		{"TV-6 1s before 2016-07-02 has no limit", span(s39.Add(-sec), 3650*day), na, validity.ReasonNoLimit, 3651, 3650*day + sec, ""},
		{"TV-6 notAfter 99991231235959Z saturates the length", validity.Period{NotBefore: s200, NotAfter: utc(9999, 12, 31, 23, 59, 59)}, fail, over, 2912370, math.MaxInt64, "Days stays exact"},
		{"TV-6 inverted period", validity.Period{NotBefore: s200, NotAfter: s200.Add(-sec)}, fail, validity.ReasonInvalidPeriod, 0, 0, ""},
		{"TV-6 zero period", validity.Period{}, fail, validity.ReasonInvalidPeriod, 0, 0, ""},
		{"TV-6 one-instant period is one second", validity.Period{NotBefore: s200, NotAfter: s200}, pass, ok, 1, sec, ""},
		{"TV-6 one-instant period before 2020 is zero seconds", validity.Period{NotBefore: y19, NotAfter: y19}, pass, ok, 0, 0, "the old measure"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			v, err := validity.CheckTLSServerPeriod(tt.p)
			checkVerdict(t, v, err, tt)
		})
	}
}

// checkVerdict compares a Verdict of CheckTLSServer or CheckTLSServerPeriod
// with a case, and checks the contract between the Verdict and the error.
func checkVerdict(t *testing.T, v validity.Verdict, err error, tt verdictCase) {
	t.Helper()
	want := validity.Verdict{Outcome: tt.outcome, Reason: tt.reason, Period: tt.p, Days: tt.days, Length: tt.length}
	if tt.p.IsValid() {
		want.Limit = validity.TLSServerLimit(tt.p.NotBefore)
	}
	if diff := cmp.Diff(want, v); diff != "" {
		t.Errorf("Verdict (-want +got):\n%s%s", diff, why(tt.why))
	}
	checkVerdictError(t, v, err)
}

// checkVerdictError checks the contract of every check: a non-nil error
// exactly when the Outcome is OutcomeError, of the check's type, holding
// the same Verdict and matching the sentinels of its Reason only.
func checkVerdictError(t *testing.T, v validity.Verdict, err error) {
	t.Helper()
	if (err != nil) != (v.Outcome == validity.OutcomeError) {
		t.Fatalf("Outcome %v with error %v: an error must come with OutcomeError and only with it", v.Outcome, err)
	}
	if err == nil {
		return
	}
	var got validity.Verdict
	var le *validity.LifetimeError
	var ce *validity.ClientAuthError
	switch {
	case errors.As(err, &le):
		got = le.Verdict
	case errors.As(err, &ce):
		got = ce.Verdict
	default:
		t.Fatalf("error %T is neither a *LifetimeError nor a *ClientAuthError", err)
	}
	if diff := cmp.Diff(v, got); diff != "" {
		t.Errorf("error's Verdict differs from the Verdict returned (-want +got):\n%s", diff)
	}
	sentinels := map[error]bool{
		validity.ErrLifetimeExceeded:     v.Reason == validity.ReasonLifetimeExceeded,
		validity.ErrInvalidPeriod:        v.Reason == validity.ReasonInvalidPeriod,
		validity.ErrMalformed:            v.Reason == validity.ReasonMalformed,
		validity.ErrClientAuthNotAllowed: v.Reason == validity.ReasonClientAuthNotAllowed,
	}
	for s, w := range sentinels {
		if got := errors.Is(err, s); got != w {
			t.Errorf("errors.Is(%v, %v) = %v, want %v", err, s, got, w)
		}
	}
}

func why(s string) string {
	if s == "" {
		return ""
	}
	return "(" + s + ")"
}

// A scopeCase is a certificate shape and what TLSServerApplies says of it.
type scopeCase struct {
	name    string
	o       certOpts
	applies bool
	reason  validity.Reason
	why     string
}

// scopeCases are the shapes that decide whether the TV-6 limits apply,
// each in the 200-day step (201 days long) unless said otherwise.
func scopeCases() []scopeCase {
	nb := utc(2026, 3, 15, 0, 0, 0)
	long := utc(2026, 10, 1, 0, 0, 0) // 201 days
	serverAuth := []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth}
	clientAuth := []x509.ExtKeyUsage{x509.ExtKeyUsageClientAuth}
	return []scopeCase{
		{"TV-6 serverAuth leaf applies", certOpts{notBefore: nb, notAfter: long, eku: serverAuth}, true, validity.ReasonServerAuthEKU, ""},
		{"TV-6 serverAuth among others applies", certOpts{notBefore: nb, notAfter: long, eku: []x509.ExtKeyUsage{x509.ExtKeyUsageClientAuth, x509.ExtKeyUsageServerAuth}}, true, validity.ReasonServerAuthEKU, ""},
		{"TV-6 anyExtendedKeyUsage applies", certOpts{notBefore: nb, notAfter: long, eku: []x509.ExtKeyUsage{x509.ExtKeyUsageAny}}, true, validity.ReasonServerAuthEKU, ""},
		{"TV-6 no EKU applies", certOpts{notBefore: nb, notAfter: long}, true, validity.ReasonNoEKU, "clients accept it for any purpose"},
		{"TV-6 clientAuth with the DV policy applies", certOpts{notBefore: nb, notAfter: long, eku: clientAuth, policies: []asn1OID{oidDV}}, true, validity.ReasonTLSPolicy, "asserts BR compliance, as zlint reads it"},
		{"TV-6 codeSigning with the OV policy applies", certOpts{notBefore: nb, notAfter: long, eku: []x509.ExtKeyUsage{x509.ExtKeyUsageCodeSigning}, policies: []asn1OID{oidAny, oidOV}}, true, validity.ReasonTLSPolicy, ""},
		{"TV-6 unknown EKU with the EV policy applies", certOpts{notBefore: nb, notAfter: long, unknownEKU: true, policies: []asn1OID{oidEV}}, true, validity.ReasonTLSPolicy, ""},
		{"TV-6 serverAuth with the DV policy says EKU", certOpts{notBefore: nb, notAfter: long, eku: serverAuth, policies: []asn1OID{oidDV}}, true, validity.ReasonServerAuthEKU, ""},
		{"TV-6 client certificate does not apply", certOpts{notBefore: nb, notAfter: long, eku: clientAuth}, false, validity.ReasonNotServerAuth, ""},
		{"TV-6 clientAuth with anyPolicy does not apply", certOpts{notBefore: nb, notAfter: long, eku: clientAuth, policies: []asn1OID{oidAny}}, false, validity.ReasonNotServerAuth, ""},
		{"TV-6 S/MIME policy does not apply", certOpts{notBefore: nb, notAfter: long, eku: []x509.ExtKeyUsage{x509.ExtKeyUsageEmailProtection}, policies: []asn1OID{oidSMIME}}, false, validity.ReasonNotServerAuth, "2.23.140.1.5 is not a TLS policy"},
		{"TV-6 unknown EKU only does not apply", certOpts{notBefore: nb, notAfter: long, unknownEKU: true}, false, validity.ReasonNotServerAuth, ""},
		{"TV-6 CA certificate does not apply", certOpts{notBefore: nb, notAfter: utc(2036, 3, 15, 0, 0, 0), isCA: true, eku: serverAuth}, false, validity.ReasonCACertificate, "however long"},
		{"TV-6 self-signed root does not apply", certOpts{notBefore: nb, notAfter: utc(2046, 3, 15, 0, 0, 0), isCA: true, selfSigned: true}, false, validity.ReasonCACertificate, ""},
		{"TV-6 self-signed leaf does not apply", certOpts{notBefore: nb, notAfter: long, eku: serverAuth, selfSigned: true}, false, validity.ReasonSelfSigned, "zlint measures it from 2020-09-01: a deliberate difference"},
		{"TV-6 self-signed leaf of 2017 does not apply", certOpts{notBefore: utc(2017, 1, 1, 0, 0, 0), notAfter: utc(2027, 1, 1, 0, 0, 0), eku: serverAuth, selfSigned: true}, false, validity.ReasonSelfSigned, "zlint agrees for the 39-month step"},
		{"TV-6 issued before 2016-07-02 has no limit", certOpts{notBefore: utc(2016, 7, 1, 23, 59, 59), notAfter: utc(2026, 7, 1, 0, 0, 0), eku: serverAuth}, false, validity.ReasonNoLimit, ""},
		{"TV-6 issued at 2016-07-02 applies", certOpts{notBefore: utc(2016, 7, 2, 0, 0, 0), notAfter: utc(2026, 7, 1, 0, 0, 0), eku: serverAuth}, true, validity.ReasonServerAuthEKU, ""},
	}
}

func TestTLSServerApplies(t *testing.T) {
	for _, tt := range scopeCases() {
		t.Run(tt.name, func(t *testing.T) {
			type answer struct {
				Applies bool
				Reason  validity.Reason
			}
			applies, r := validity.TLSServerApplies(newCert(t, tt.o))
			if diff := cmp.Diff(answer{tt.applies, tt.reason}, answer{applies, r}); diff != "" {
				t.Errorf("TLSServerApplies (-want +got):\n%s%s", diff, why(tt.why))
			}
		})
	}
	t.Run("TV-6 nil certificate is malformed", func(t *testing.T) {
		if ok, r := validity.TLSServerApplies(nil); ok || r != validity.ReasonMalformed {
			t.Errorf("TLSServerApplies(nil) = %v, %v; want false, %v", ok, r, validity.ReasonMalformed)
		}
	})
}

// TestCheckTLSServer checks that CheckTLSServer measures exactly the
// certificates TLSServerApplies admits, as CheckTLSServerPeriod does.
func TestCheckTLSServer(t *testing.T) {
	for _, tt := range scopeCases() {
		t.Run(tt.name, func(t *testing.T) {
			cert := newCert(t, tt.o)
			v, err := validity.CheckTLSServer(cert)
			checkVerdictError(t, v, err)
			want, wantErr := validity.CheckTLSServerPeriod(validity.Of(cert))
			if !tt.applies {
				want.Outcome, want.Reason, wantErr = validity.OutcomeNotApplicable, tt.reason, nil
			}
			if diff := cmp.Diff(want, v); diff != "" {
				t.Errorf("CheckTLSServer (-want +got):\n%s%s", diff, why(tt.why))
			}
			if (err == nil) != (wantErr == nil) {
				t.Errorf("CheckTLSServer error = %v, want %v", err, wantErr)
			}
		})
	}
	t.Run("TV-6 nil certificate is malformed", func(t *testing.T) {
		v, err := validity.CheckTLSServer(nil)
		if diff := cmp.Diff(validity.Verdict{Outcome: validity.OutcomeError, Reason: validity.ReasonMalformed}, v); diff != "" {
			t.Errorf("CheckTLSServer(nil) (-want +got):\n%s", diff)
		}
		checkVerdictError(t, v, err)
	})
	// A certificate crypto/x509 cannot have: notAfter before notBefore.
	t.Run("TV-6 inverted certificate is an invalid period", func(t *testing.T) {
		cert := newCert(t, certOpts{notBefore: utc(2026, 3, 15, 0, 0, 0), notAfter: utc(2026, 3, 14, 0, 0, 0)})
		v, err := validity.CheckTLSServer(cert)
		if !errors.Is(err, validity.ErrInvalidPeriod) || v.Reason != validity.ReasonInvalidPeriod {
			t.Errorf("CheckTLSServer = %v, %v; want ErrInvalidPeriod", v, err)
		}
		checkVerdictError(t, v, err)
	})
}

func TestCheckClientAuth(t *testing.T) {
	var (
		ban        = utc(2027, 3, 15, 0, 0, 0)
		both       = []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth, x509.ExtKeyUsageClientAuth}
		serverAuth = []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth}
		clientOnly = []x509.ExtKeyUsage{x509.ExtKeyUsageClientAuth}
	)
	const (
		na   = validity.OutcomeNotApplicable
		pass = validity.OutcomePass
		warn = validity.OutcomeWarning
		fail = validity.OutcomeError
	)
	tests := []struct {
		name    string
		o       certOpts
		renew   time.Time
		outcome validity.Outcome
		reason  validity.Reason
	}{
		{"TV-6 clientAuth successor 1ns before the ban may keep it", certOpts{notBefore: utc(2026, 3, 15, 0, 0, 0), notAfter: utc(2026, 9, 29, 23, 59, 59), eku: both}, ban.Add(-ns), pass, validity.ReasonCompliant},
		{"TV-6 clientAuth successor at the ban loses it", certOpts{notBefore: utc(2026, 3, 15, 0, 0, 0), notAfter: utc(2026, 9, 29, 23, 59, 59), eku: both}, ban, warn, validity.ReasonClientAuthEnding},
		{"TV-6 clientAuth successor after the ban loses it", certOpts{notBefore: utc(2026, 12, 1, 0, 0, 0), notAfter: utc(2027, 6, 18, 23, 59, 59), eku: both}, utc(2027, 6, 1, 0, 0, 0), warn, validity.ReasonClientAuthEnding},
		{"TV-6 clientAuth issued 1s before the ban is lawful", certOpts{notBefore: ban.Add(-sec), notAfter: ban.Add(90 * day), eku: both}, ban.Add(60 * day), warn, validity.ReasonClientAuthEnding},
		{"TV-6 clientAuth issued at the ban is an error", certOpts{notBefore: ban, notAfter: ban.Add(90 * day), eku: both}, ban.Add(60 * day), fail, validity.ReasonClientAuthNotAllowed},
		{"TV-6 clientAuth issued 1s after the ban is an error", certOpts{notBefore: ban.Add(sec), notAfter: ban.Add(90 * day), eku: both}, ban.Add(-day), fail, validity.ReasonClientAuthNotAllowed},
		{"TV-6 clientAuth only with the DV policy issued after the ban is an error", certOpts{notBefore: ban, notAfter: ban.Add(90 * day), eku: clientOnly, policies: []asn1OID{oidDV}}, ban, fail, validity.ReasonClientAuthNotAllowed},
		{"TV-6 no EKU passes after the ban", certOpts{notBefore: ban, notAfter: ban.Add(90 * day)}, ban, pass, validity.ReasonCompliant},
		{"TV-6 anyExtendedKeyUsage is not clientAuth", certOpts{notBefore: ban, notAfter: ban.Add(90 * day), eku: []x509.ExtKeyUsage{x509.ExtKeyUsageAny}}, ban, pass, validity.ReasonCompliant},
		{"TV-6 serverAuth only passes after the ban", certOpts{notBefore: ban, notAfter: ban.Add(90 * day), eku: serverAuth}, ban.Add(80 * day), pass, validity.ReasonCompliant},
		{"TV-6 client certificate is not a TLS server certificate", certOpts{notBefore: ban, notAfter: ban.Add(365 * day), eku: clientOnly}, ban, na, validity.ReasonNotServerAuth},
		{"TV-6 CA with clientAuth is not applicable", certOpts{notBefore: ban, notAfter: ban.Add(3650 * day), eku: both, isCA: true}, ban, na, validity.ReasonCACertificate},
		{"TV-6 self-signed leaf with clientAuth is not applicable", certOpts{notBefore: ban, notAfter: ban.Add(90 * day), eku: both, selfSigned: true}, ban, na, validity.ReasonSelfSigned},
		{"TV-6 clientAuth in 2011 keeps it for a 2012 successor", certOpts{notBefore: utc(2011, 12, 10, 0, 0, 0), notAfter: utc(2012, 12, 10, 23, 59, 59), eku: both}, utc(2012, 12, 1, 0, 0, 0), pass, validity.ReasonCompliant},
		{"TV-6 zero renewal instant is an error", certOpts{notBefore: ban, notAfter: ban.Add(90 * day), eku: both}, time.Time{}, fail, validity.ReasonZeroTime},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cert := newCert(t, tt.o)
			v, err := validity.CheckClientAuth(cert, tt.renew)
			want := validity.Verdict{Outcome: tt.outcome, Reason: tt.reason, Period: validity.Of(cert)}
			if diff := cmp.Diff(want, v); diff != "" {
				t.Errorf("CheckClientAuth (-want +got):\n%s", diff)
			}
			checkVerdictError(t, v, err)
		})
	}
	t.Run("TV-6 nil certificate is malformed", func(t *testing.T) {
		v, err := validity.CheckClientAuth(nil, ban)
		if v.Reason != validity.ReasonMalformed {
			t.Errorf("CheckClientAuth(nil) = %v", v)
		}
		checkVerdictError(t, v, err)
	})
}

func TestVerdictText(t *testing.T) {
	s200 := utc(2026, 3, 15, 0, 0, 0)
	check := func(p validity.Period) (validity.Verdict, error) { return validity.CheckTLSServerPeriod(p) }
	text := func(v validity.Verdict, err error) [2]string {
		e := ""
		if err != nil {
			e = err.Error()
		}
		return [2]string{v.String(), e}
	}
	ca := newCert(t, certOpts{notBefore: s200, notAfter: utc(2036, 3, 15, 0, 0, 0), isCA: true})
	self := newCert(t, certOpts{notBefore: s200, notAfter: utc(2036, 3, 15, 0, 0, 0), selfSigned: true})
	both := []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth, x509.ExtKeyUsageClientAuth}
	early := newCert(t, certOpts{notBefore: s200, notAfter: utc(2026, 9, 29, 23, 59, 59), eku: both})
	late := newCert(t, certOpts{notBefore: utc(2027, 3, 15, 0, 0, 0), notAfter: utc(2027, 6, 22, 23, 59, 59), eku: both})
	const src200 = " (BR 6.3.2, ballot SC-081: issued on or after 15 March 2026, 200 days (SHOULD 199))"
	const chrome = " (Chrome Root Program Policy 1.8, section 1.3.2)"
	tests := []struct {
		name string
		got  [2]string
		want [2]string
	}{
		{"TV-6 pass", text(check(validity.Period{NotBefore: s200, NotAfter: utc(2026, 9, 29, 23, 59, 59)})),
			[2]string{"pass: lifetime of 199 days (2026-03-15T00:00:00Z through 2026-09-29T23:59:59Z) is within the maximum of 200 days" + src200, ""}},
		{"TV-6 warning", text(check(validity.Period{NotBefore: s200, NotAfter: utc(2026, 9, 30, 0, 0, 0)})),
			[2]string{"warning: lifetime of 200 days (2026-03-15T00:00:00Z through 2026-09-30T00:00:00Z) exceeds the recommended maximum of 199 days" + src200, ""}},
		{"TV-6 exceeded", text(check(validity.Period{NotBefore: s200, NotAfter: utc(2026, 10, 1, 0, 0, 0)})),
			[2]string{"error: lifetime of 201 days (2026-03-15T00:00:00Z through 2026-10-01T00:00:00Z) exceeds the maximum of 200 days" + src200,
				"validity: lifetime of 201 days (2026-03-15T00:00:00Z through 2026-10-01T00:00:00Z) exceeds the maximum of 200 days" + src200}},
		{"TV-6 months", text(check(validity.Period{NotBefore: utc(2017, 1, 1, 0, 0, 0), NotAfter: utc(2020, 4, 1, 0, 0, 1)})),
			[2]string{"error: lifetime of 1187 days (2017-01-01T00:00:00Z through 2020-04-01T00:00:01Z) exceeds the maximum of 39 months (BR 6.3.2: issued after 1 July 2016 (and, from ballot 193, prior to 1 March 2018), 39 months; after 1 April 2015 with exceptions in earlier BRs)",
				"validity: lifetime of 1187 days (2017-01-01T00:00:00Z through 2020-04-01T00:00:01Z) exceeds the maximum of 39 months (BR 6.3.2: issued after 1 July 2016 (and, from ballot 193, prior to 1 March 2018), 39 months; after 1 April 2015 with exceptions in earlier BRs)"}},
		{"TV-6 invalid", text(check(validity.Period{NotBefore: s200})),
			[2]string{"error: invalid period: notBefore 2026-03-15T00:00:00Z, notAfter 0001-01-01T00:00:00Z", "validity: invalid period: notBefore 2026-03-15T00:00:00Z, notAfter 0001-01-01T00:00:00Z"}},
		{"TV-6 no limit", text(check(q9(t))), [2]string{"not applicable: no limit known for notBefore 2011-12-10T00:00:00Z", ""}},
		{"TV-6 CA certificate", text(validity.CheckTLSServer(ca)), [2]string{"not applicable: CA certificate", ""}},
		{"TV-6 self-signed leaf", text(validity.CheckTLSServer(self)), [2]string{"not applicable: self-signed leaf", ""}},
		{"TV-6 nil certificate", text(validity.CheckTLSServer(nil)), [2]string{"error: malformed: nil certificate", "validity: malformed: nil certificate"}},
		{"TV-6 clientAuth pass", text(validity.CheckClientAuth(early, s200)), [2]string{"pass: compliant", ""}},
		{"TV-6 clientAuth ending", text(validity.CheckClientAuth(early, utc(2027, 3, 15, 0, 0, 0))),
			[2]string{"warning: the certificate carries clientAuth, which a TLS server certificate issued on or after 2027-03-15T00:00:00Z may not carry" + chrome, ""}},
		{"TV-6 clientAuth not allowed", text(validity.CheckClientAuth(late, utc(2027, 6, 1, 0, 0, 0))),
			[2]string{"error: clientAuth in a TLS server certificate issued at 2027-03-15T00:00:00Z, on or after 2027-03-15T00:00:00Z" + chrome,
				"validity: clientAuth in a TLS server certificate issued at 2027-03-15T00:00:00Z, on or after 2027-03-15T00:00:00Z" + chrome}},
		{"TV-6 clientAuth zero time", text(validity.CheckClientAuth(early, time.Time{})),
			[2]string{"error: zero time given for the renewal instant", "validity: zero time given for the renewal instant"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if diff := cmp.Diff(tt.want, tt.got); diff != "" {
				t.Errorf("String and Error (-want +got):\n%s", diff)
			}
		})
	}
}

func TestOutcomeReasonStrings(t *testing.T) {
	got := []string{
		validity.OutcomeNotApplicable.String(), validity.OutcomePass.String(), validity.OutcomeWarning.String(),
		validity.OutcomeError.String(), validity.Outcome(0).String(), validity.Outcome(9).String(),
		validity.ReasonCompliant.String(), validity.ReasonSelfSigned.String(), validity.ReasonTLSPolicy.String(),
		validity.ReasonClientAuthEnding.String(), validity.Reason(99).String(),
	}
	want := []string{
		"not applicable", "pass", "warning", "error", "Outcome(0)", "Outcome(9)",
		"compliant", "self-signed leaf", "CA/Browser Forum TLS policy", "clientAuth ends for successors", "Reason(99)",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("strings (-want +got):\n%s", diff)
	}
}
