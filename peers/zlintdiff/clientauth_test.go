package zlintdiff_test

import (
	"crypto/x509"
	"testing"
	"time"

	"github.com/certlife/certlife/validity"
	"github.com/zmap/zlint/v3/lint"
)

// clientAuthOutcome grades e_client_auth_not_allowed as CheckClientAuth
// grades the certificate itself: NE (issued before 2027-03-15) is no
// breach, so a pass.
func clientAuthOutcome(s lint.LintStatus) validity.Outcome {
	switch s {
	case lint.Error, lint.Fatal:
		return validity.OutcomeError
	case lint.Pass, lint.NE, lint.Notice, lint.Warn:
		return validity.OutcomePass
	}
	return validity.OutcomeNotApplicable
}

func TestClientAuthAgainstZlint(t *testing.T) {
	ban := time.Date(2027, 3, 15, 0, 0, 0, 0, time.UTC)
	shapes := []shape{
		{name: "serverAuth and clientAuth leaf", eku: bothAuth},
		plain,
		{name: "leaf without EKU"},
		{name: "clientAuth leaf", eku: clientAuth},
		{name: "clientAuth leaf with the DV policy", eku: clientAuth, policies: []x509.OID{oidDV}},
		{name: "anyExtendedKeyUsage and clientAuth leaf", eku: []x509.ExtKeyUsage{x509.ExtKeyUsageAny, x509.ExtKeyUsageClientAuth}},
		{name: "CA certificate with serverAuth and clientAuth", isCA: true, eku: bothAuth},
		{name: "self-signed leaf with serverAuth and clientAuth", selfSigned: true, eku: bothAuth},
	}
	agreed := 0
	for _, s := range shapes {
		for _, nb := range []time.Time{ban.Add(-sec), ban, ban.Add(sec), ban.Add(-365 * day)} {
			name := "TV-6 clientAuth " + s.name + " issued " + nb.Format(time.RFC3339)
			t.Run(name, func(t *testing.T) {
				der := issue(t, s, nb, nb.Add(90*day-sec))
				cert, err := x509.ParseCertificate(der)
				if err != nil {
					t.Fatal(err)
				}
				// The certificate itself, renewed at once: its own breach only.
				ours, _ := validity.CheckClientAuth(cert, nb)
				res := zlintResults(t, der)
				if res == nil {
					t.Fatal("zcrypto cannot parse the certificate")
				}
				if theirs := clientAuthOutcome(res[clientAuthLint]); ours.Outcome != theirs {
					t.Errorf("validity says %v, zlint %v (%v)", ours, theirs, res[clientAuthLint])
					return
				}
				agreed++
			})
		}
	}
	report(t, "clientAuth", agreed, nil)
}
