package zlintdiff_test

import (
	"crypto/x509"
	"encoding/pem"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/certlife/certlife/validity"
	"github.com/zmap/zlint/v3/lint"
)

// zlintVectors are certificates from zlint's own test suite (v3.7.3,
// v3/testdata; Apache-2.0, see testdata/zlint/README.md) with the status
// zlint's test for the named lint expects. The test checks that zlint
// still gives that status here, then compares validity's answer with
// zlint's for the lint's whole family.
var zlintVectors = []struct {
	file string
	lint string
	want lint.LintStatus
}{
	// lints/cabf_br/lint_sub_cert_valid_time_longer_than_39_months_test.go
	{"subCertValidTimeTooLong.pem", "e_sub_cert_valid_time_longer_than_39_months", lint.Error},
	{"subCertValidTimeGood.pem", "e_sub_cert_valid_time_longer_than_39_months", lint.Pass},
	{"39months.pem", "e_sub_cert_valid_time_longer_than_39_months", lint.Pass},
	// lints/cabf_br/lint_sub_cert_valid_time_longer_than_825_days_test.go
	{"subCertOver825DaysBad.pem", "e_sub_cert_valid_time_longer_than_825_days", lint.Error},
	{"subCertOver825DaysOK.pem", "e_sub_cert_valid_time_longer_than_825_days", lint.NE},
	{"subCert825DaysOK.pem", "e_sub_cert_valid_time_longer_than_825_days", lint.Pass},
	// lints/apple/lint_e_server_cert_valid_time_longer_than_398_days_test.go
	// and lint_w_server_cert_valid_time_longer_than_397_days_test.go
	{"eeServerCertValidOver398OldNotBefore.pem", "e_tls_server_cert_valid_time_longer_than_398_days", lint.NE},
	{"eeServerCertValidEqual397.pem", "w_tls_server_cert_valid_time_longer_than_397_days", lint.Pass},
	{"eeServerCertValidOver397.pem", "w_tls_server_cert_valid_time_longer_than_397_days", lint.Warn},
	{"eeServerCertValidEqual398.pem", "e_tls_server_cert_valid_time_longer_than_398_days", lint.Pass},
	{"eeServerCertValidEqual398.pem", "w_tls_server_cert_valid_time_longer_than_397_days", lint.Warn},
	{"eeServerCertValidOver398.pem", "e_tls_server_cert_valid_time_longer_than_398_days", lint.Error},
	{"caBasicConstCrit.pem", "e_tls_server_cert_valid_time_longer_than_398_days", lint.NA},
	// lints/cabf_br/lint_{e,w}_server_cert_valid_time_longer_than_*_test.go
	{"justBeforeFirstMilestone.pem", "e_server_cert_valid_time_longer_than_200_days", lint.NE},
	{"exactlyOnFirstMilestoneExactly200days.pem", "e_server_cert_valid_time_longer_than_200_days", lint.Pass},
	{"exactlyOnFirstMilestoneExactly200days.pem", "w_server_cert_valid_time_longer_than_199_days", lint.Warn},
	{"exactlyOnFirstMilestoneExactly199days.pem", "w_server_cert_valid_time_longer_than_199_days", lint.Pass},
	{"exactlyOnFirstMilestoneLongerThan200days.pem", "e_server_cert_valid_time_longer_than_200_days", lint.Error},
	{"justBeforeSecondMilestoneExactly200days.pem", "e_server_cert_valid_time_longer_than_200_days", lint.Pass},
	{"exactlyOnSecondMilestoneExactly100days.pem", "e_server_cert_valid_time_longer_than_100_days", lint.Pass},
	{"exactlyOnSecondMilestoneExactly99days.pem", "e_server_cert_valid_time_longer_than_100_days", lint.Pass},
	{"exactlyOnSecondMilestoneLongerThan100days.pem", "e_server_cert_valid_time_longer_than_100_days", lint.Error},
	{"justBeforeThirdMilestoneExactly100days.pem", "e_server_cert_valid_time_longer_than_100_days", lint.Pass},
	{"exactlyOnThirdMilestoneExactly47days.pem", "e_server_cert_valid_time_longer_than_47_days", lint.Pass},
	{"exactlyOnThirdMilestoneExactly46days.pem", "e_server_cert_valid_time_longer_than_47_days", lint.Pass},
	{"exactlyOnThirdMilestoneLongerThan47days.pem", "e_server_cert_valid_time_longer_than_47_days", lint.Error},
	{"withinThirdMilestoneLeapYear.pem", "e_server_cert_valid_time_longer_than_47_days", lint.Pass},
	// lints/chrome/lint_client_auth_not_allowed_test.go
	{"cana_sub0_srvx_clix_effx.pem", "e_client_auth_not_allowed", lint.NA},
	{"cana_sub1_srv0_clix_effx.pem", "e_client_auth_not_allowed", lint.NA},
	{"cana_sub1_srv1_cli0_effx.pem", "e_client_auth_not_allowed", lint.Pass},
	{"cana_sub1_srv1_cli1_eff0.pem", "e_client_auth_not_allowed", lint.NE},
	{"cana_sub1_srv1_cli1_eff1.pem", "e_client_auth_not_allowed", lint.Error},
	// lints/rfc/lint_utc_time_*_test.go, lint_generalized_time_*_test.go,
	// lint_wrong_time_format_pre2050_test.go
	{"utcHasSeconds.pem", "e_utc_time_does_not_include_seconds", lint.Pass},
	{"utcNoSeconds.pem", "e_utc_time_does_not_include_seconds", lint.Error},
	{"utcHasSeconds.pem", "e_utc_time_not_in_zulu", lint.Pass},
	{"utcNotZulu.pem", "e_utc_time_not_in_zulu", lint.Error},
	{"generalizedNotZulu.pem", "e_generalized_time_not_in_zulu", lint.Error},
	{"generalizedHasSeconds.pem", "e_generalized_time_not_in_zulu", lint.Pass},
	{"generalizedAfter2050.pem", "e_wrong_time_format_pre2050", lint.Pass},
	{"generalizedPrior2050.pem", "e_wrong_time_format_pre2050", lint.Error},
}

func TestZlintVectors(t *testing.T) {
	agreed := 0
	files, err := filepath.Glob(filepath.Join("testdata", "zlint", "*.pem"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no zlint vectors in testdata/zlint: %v", err)
	}
	for _, v := range zlintVectors {
		rule := "TV-6"
		if _, ok := encodingLints[v.lint]; ok {
			rule = "TV-5"
		}
		t.Run(rule+" "+v.file+" "+v.lint, func(t *testing.T) {
			der := readPEM(t, filepath.Join("testdata", "zlint", v.file))
			res := zlintResults(t, der)
			if res == nil {
				t.Fatal("zcrypto cannot parse zlint's own vector")
			}
			if res[v.lint] != v.want {
				t.Errorf("zlint says %v here, its own test %v", res[v.lint], v.want)
			}
			if _, ok := encodingLints[v.lint]; ok {
				fs, err := validity.EncodingFindings(tbsOf(t, der))
				if err != nil {
					t.Fatal(err)
				}
				ours := slices.Contains(oursEncoding(fs), v.lint)
				if theirs := res[v.lint] == lint.Error; ours != theirs {
					t.Errorf("validity finds %v, zlint %v", fs, res[v.lint])
					return
				}
				agreed++
				return
			}
			cert, err := x509.ParseCertificate(der)
			if err != nil {
				t.Fatalf("crypto/x509: %v", err)
			}
			var ours, theirs validity.Outcome
			if v.lint == clientAuthLint {
				o, _ := validity.CheckClientAuth(cert, cert.NotBefore)
				ours, theirs = o.Outcome, clientAuthOutcome(res[clientAuthLint])
			} else {
				o, _ := validity.CheckTLSServer(cert)
				ours, theirs = o.Outcome, combine(res, lifetimeLints)
			}
			if ours != theirs {
				t.Errorf("validity says %v, zlint %v (%v)", ours, theirs, res)
				return
			}
			agreed++
		})
	}
	// Every vector file is used, and every file used is committed.
	used := map[string]bool{}
	for _, v := range zlintVectors {
		used[v.file] = true
	}
	for _, f := range files {
		if !used[filepath.Base(f)] {
			t.Errorf("%s is committed but not used", f)
		}
	}
	report(t, "zlint vectors", agreed, nil)
}

// readPEM returns the DER of the first CERTIFICATE block of a file; zlint's
// test files carry a text dump before it.
func readPEM(t testing.TB, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	for {
		var blk *pem.Block
		blk, b = pem.Decode(b)
		if blk == nil {
			t.Fatalf("%s: no CERTIFICATE block", path)
		}
		if blk.Type == "CERTIFICATE" {
			return blk.Bytes
		}
	}
}
