package contract_test

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/certlife/certlife/contract"
	"github.com/google/go-cmp/cmp"
)

// verified returns the connection state of a TLS connection whose client
// presented cert and the TLS layer verified it.
func verified(cert *x509.Certificate) *tls.ConnectionState {
	return &tls.ConnectionState{PeerCertificates: []*x509.Certificate{cert}, VerifiedChains: [][]*x509.Certificate{{cert}}}
}

// denials records what a Gatekeeper's OnDeny was told.
type denials struct {
	mu   sync.Mutex
	errs []error
}

func (d *denials) add(err error) {
	d.mu.Lock()
	d.errs = append(d.errs, err)
	d.mu.Unlock()
}

func (d *denials) last() error {
	d.mu.Lock()
	defer d.mu.Unlock()
	if len(d.errs) == 0 {
		return nil
	}
	return d.errs[len(d.errs)-1]
}

// failingContracts is a contract database that is down.
type failingContracts struct{ err error }

func (f failingContracts) ContractFor(context.Context, *x509.Certificate) (contract.Contract, bool, error) {
	return contract.Contract{}, false, f.err
}

// fixedContracts returns one contract for every certificate, even an
// invalid one.
type fixedContracts struct{ c contract.Contract }

func (f fixedContracts) ContractFor(context.Context, *x509.Certificate) (contract.Contract, bool, error) {
	return f.c, true, nil
}

func TestGatekeeperHandler(t *testing.T) {
	cert := certFor(t, fy26.ID, jst(2026, 4, 8, 10, 0, 0, 0), time.Date(2036, 4, 7, 23, 59, 59, 0, time.UTC))
	other := certFor(t, "C-UNKNOWN", jst(2026, 4, 8, 10, 0, 0, 0), time.Date(2036, 4, 7, 23, 59, 59, 0, time.UTC))
	var known contract.MemoryContracts
	if err := known.Put(fy26); err != nil {
		t.Fatal(err)
	}
	down := errors.New("contract database: connection refused to 10.0.0.7:5432")
	c28 := contract.Contract{ID: "C-2028-0100", Start: date(2027, 10, 1), End: date(2030, 3, 31)}
	var c28s contract.MemoryContracts
	if err := c28s.Put(c28); err != nil {
		t.Fatal(err)
	}
	oldCert := certFor(t, c28.ID, jst(2027, 10, 8, 10, 0, 0, 0), time.Date(2037, 10, 8, 0, 0, 0, 0, time.UTC))

	tests := []struct {
		name      string
		contracts contract.Contracts
		service   contract.Service
		tls       *tls.ConnectionState
		at        time.Time
		code      int
		body      string // the whole body, without the final newline
		denied    func(error) bool
	}{
		{
			name: "CT-2 allowed while the contract is in force", contracts: &known, tls: verified(cert),
			at: jst(2026, 6, 1, 9, 0, 0, 0), code: 200, body: "update for C-2026-0001",
		},
		{
			name: "CT-2 refused the first instant after the end day JST: ended, with what to do", contracts: &known, tls: verified(cert),
			at: jst(2027, 4, 1, 0, 0, 0, 0), code: 403,
			body:   "Support contract C-2026-0001 ended on 2027-03-31 (JST), and its certificate no longer gives access. To continue, contact your sales representative about a new contract.",
			denied: func(err error) bool { return errors.Is(err, contract.ErrRevoked) },
		},
		{
			name: "CT-2 not started", contracts: &known, tls: verified(cert), at: jst(2026, 3, 31, 23, 0, 0, 0), code: 403,
			body: "Support contract C-2026-0001 starts on 2026-04-01 (JST); its certificate gives access from then.",
		},
		{
			name: "CT-4 service ended", contracts: &c28s, tls: verified(oldCert), at: jst(2028, 7, 1, 0, 0, 0, 0), code: 403,
			body: "The support service ended on 2028-06-30 (JST).",
		},
		{
			name:      "CT-4 an old certificate after the replacement deadline: replaced, install the replacement",
			contracts: &c28s, service: replacing(t), tls: verified(oldCert), at: jst(2029, 8, 1, 0, 0, 0, 0), code: 403,
			body: "This certificate was replaced: certificates issued before the replacement gave access through 2029-07-31 (JST). " +
				"Install the replacement certificate issued for contract C-2028-0100; if you have not received it, contact your sales representative.",
		},
		{
			name: "CT-1 a certificate of no known contract: not bound", contracts: &known, tls: verified(other),
			at: jst(2026, 6, 1, 9, 0, 0, 0), code: 403,
			body: "The certificate presented is not bound to a support contract of this service. Use the client certificate issued for your contract.",
			denied: func(err error) bool {
				var ae *contract.AccessError
				return errors.As(err, &ae) && ae.Reason == contract.ReasonNotBound
			},
		},
		{
			name: "CT-1 no TLS at all: no certificate", contracts: &known, at: jst(2026, 6, 1, 9, 0, 0, 0), code: 403,
			body: "This service needs the client certificate issued for your support contract.",
		},
		{
			name: "CT-1 a certificate the TLS layer did not verify counts as none", contracts: &known,
			tls: &tls.ConnectionState{PeerCertificates: []*x509.Certificate{cert}}, at: jst(2026, 6, 1, 9, 0, 0, 0), code: 403,
			body: "This service needs the client certificate issued for your support contract.",
		},
		{
			name: "CT-1 a failed lookup is 503 and says nothing internal", contracts: failingContracts{down}, tls: verified(cert),
			at: jst(2026, 6, 1, 9, 0, 0, 0), code: 503, body: "The update service is temporarily unavailable; try again later.",
			denied: func(err error) bool { return errors.Is(err, down) },
		},
		{
			name: "CT-2 a contract that cannot be judged is 503", contracts: fixedContracts{contract.Contract{ID: fy26.ID}}, tls: verified(cert),
			at: jst(2026, 6, 1, 9, 0, 0, 0), code: 503, body: "The update service is temporarily unavailable; try again later.",
			denied: func(err error) bool { return errors.Is(err, contract.ErrInvalidInput) },
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var d denials
			g := &contract.Gatekeeper{Contracts: tt.contracts, Service: tt.service, Now: func() time.Time { return tt.at }, OnDeny: d.add}
			h := g.Handler(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				c, ok := contract.ContractFrom(r.Context())
				if !ok {
					t.Error("the handler let a request through without its contract")
				}
				io.WriteString(w, "update for "+c.ID+"\n")
			}))
			r := httptest.NewRequest("GET", "https://updates.example/el7/repomd.xml", nil)
			r.TLS = tt.tls
			w := httptest.NewRecorder()
			h.ServeHTTP(w, r)
			if w.Code != tt.code {
				t.Errorf("status %d, want %d", w.Code, tt.code)
			}
			if diff := cmp.Diff(tt.body+"\n", w.Body.String()); diff != "" {
				t.Errorf("body: (-want +got)\n%s", diff)
			}
			if strings.Contains(w.Body.String(), "10.0.0.7") || strings.Contains(w.Body.String(), "serial") {
				t.Errorf("the body tells internal detail: %q", w.Body)
			}
			if tt.code != 200 {
				if ct := w.Header().Get("Content-Type"); !strings.HasPrefix(ct, "text/plain") {
					t.Errorf("Content-Type %q, want text/plain", ct)
				}
				if err := d.last(); err == nil || tt.denied != nil && !tt.denied(err) {
					t.Errorf("OnDeny got %v", err)
				}
			} else if d.last() != nil {
				t.Errorf("OnDeny called for an allowed request: %v", d.last())
			}
		})
	}
}

func TestGatekeeperVerifyConnection(t *testing.T) {
	cert := certFor(t, fy26.ID, jst(2026, 4, 8, 10, 0, 0, 0), time.Date(2036, 4, 7, 23, 59, 59, 0, time.UTC))
	var known contract.MemoryContracts
	if err := known.Put(fy26); err != nil {
		t.Fatal(err)
	}
	at := jst(2026, 6, 1, 9, 0, 0, 0)
	g := &contract.Gatekeeper{Contracts: &known, Now: func() time.Time { return at }}
	if err := g.VerifyConnection(*verified(cert)); err != nil {
		t.Errorf("CT-2 VerifyConnection in the contract = %v, want nil", err)
	}
	at = jst(2027, 4, 1, 0, 0, 0, 0)
	if err := g.VerifyConnection(*verified(cert)); !errors.Is(err, contract.ErrRevoked) {
		t.Errorf("CT-2 VerifyConnection after the contract = %v, want ErrRevoked", err)
	}
	var ae *contract.AccessError
	if err := g.VerifyConnection(tls.ConnectionState{}); !errors.As(err, &ae) || ae.Reason != contract.ReasonNoCertificate {
		t.Errorf("CT-1 VerifyConnection without a certificate = %v, want ReasonNoCertificate", err)
	}
	for _, bad := range []*contract.Gatekeeper{{Now: g.Now}, {Contracts: &known}} {
		if err := bad.VerifyConnection(*verified(cert)); !errors.Is(err, contract.ErrInvalidInput) {
			t.Errorf("VerifyConnection with a nil field = %v, want ErrInvalidInput", err)
		}
	}
}

func TestGatekeeperHandlerPanicsOnNilFields(t *testing.T) {
	for name, g := range map[string]*contract.Gatekeeper{
		"nil Contracts": {Now: func() time.Time { return jst(2026, 6, 1, 0, 0, 0, 0) }},
		"nil Now":       {Contracts: &contract.MemoryContracts{}},
	} {
		t.Run(name, func(t *testing.T) {
			defer func() {
				if r := recover(); r == nil || !strings.Contains(r.(string), name) {
					t.Errorf("Handler recovered %v, want a panic naming %s", r, name)
				}
			}()
			g.Handler(http.NotFoundHandler())
		})
	}
}

func TestMemoryContracts(t *testing.T) {
	var m contract.MemoryContracts
	a := contract.Contract{ID: "C-A", Start: date(2026, 4, 1), End: date(2027, 3, 31)}
	b := contract.Contract{ID: "C-B", Start: date(2026, 4, 1), End: date(2027, 3, 31)}
	c := contract.Contract{ID: "C-C", Start: date(2026, 4, 1), End: date(2027, 3, 31)}
	for _, x := range []contract.Contract{a, b, c} {
		if err := m.Put(x); err != nil {
			t.Fatal(err)
		}
	}
	if err := m.Put(contract.Contract{ID: "C-BAD", Start: date(2027, 4, 1), End: date(2026, 3, 31)}); !errors.Is(err, contract.ErrInvalidInput) {
		t.Errorf("Put of an invalid contract = %v, want ErrInvalidInput", err)
	}
	tests := []struct {
		name    string
		subject pkix.Name
		want    string // contract ID, "" for none
	}{
		{"CT-1 found by the subject serialNumber", pkix.Name{SerialNumber: "C-A", CommonName: "C-B"}, "C-A"},
		{"CT-1 the common name when the serialNumber is unknown", pkix.Name{SerialNumber: "X", CommonName: "C-B", OrganizationalUnit: []string{"C-C"}}, "C-B"},
		{"CT-1 an organizational unit last", pkix.Name{CommonName: "host", OrganizationalUnit: []string{"support", "C-C"}}, "C-C"},
		{"CT-1 not the organization", pkix.Name{Organization: []string{"C-A"}}, ""},
		{"CT-1 IDs compared exactly", pkix.Name{SerialNumber: "c-a"}, ""},
		{"CT-2 an invalid contract was not stored", pkix.Name{SerialNumber: "C-BAD"}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok, err := m.ContractFor(bg, &x509.Certificate{Subject: tt.subject})
			if err != nil || ok != (tt.want != "") || got.ID != tt.want {
				t.Errorf("ContractFor = %v, %v, %v; want %q", got.ID, ok, err, tt.want)
			}
		})
	}
	if _, ok, _ := m.ContractFor(bg, nil); ok {
		t.Error("ContractFor(nil) found a contract")
	}
	// CT-3: putting the extended contract replaces the old one.
	ext, err := a.Extend(date(2028, 3, 31), jst(2027, 3, 1, 0, 0, 0, 0))
	if err != nil {
		t.Fatal(err)
	}
	if err := m.Put(ext); err != nil {
		t.Fatal(err)
	}
	if got, _, _ := m.ContractFor(bg, &x509.Certificate{Subject: pkix.Name{SerialNumber: "C-A"}}); got != ext {
		t.Errorf("CT-3 after Put of the extension: %v, want %v", got, ext)
	}
}

func TestAccessErrorAdvice(t *testing.T) {
	at := jst(2030, 1, 1, 0, 0, 0, 0)
	tests := []struct {
		name string
		e    contract.AccessError
		want string
	}{
		{"CT-2 contract ended: the last day, in JST, from a UTC limit",
			contract.AccessError{Reason: contract.ReasonContractEnded, ContractID: "C-1", At: at, Limit: time.Date(2027, 3, 31, 15, 0, 0, 0, time.UTC)},
			"Support contract C-1 ended on 2027-03-31 (JST), and its certificate no longer gives access. To continue, contact your sales representative about a new contract."},
		{"CT-1 certificate not yet valid",
			contract.AccessError{Reason: contract.ReasonCertNotYetValid, ContractID: "C-1", At: at, Limit: jst(2026, 4, 8, 10, 0, 0, 0)},
			"This certificate is valid from 2026-04-08T10:00:00+09:00."},
		{"CT-1 certificate expired",
			contract.AccessError{Reason: contract.ReasonCertExpired, ContractID: "C-1", At: at, Limit: time.Date(2026, 12, 31, 23, 59, 59, 0, time.UTC)},
			"This certificate expired at 2027-01-01T08:59:59+09:00. Contact your sales representative."},
		{"CT-1 an unknown reason", contract.AccessError{Reason: 99}, "Access refused."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if diff := cmp.Diff(tt.want, tt.e.Advice()); diff != "" {
				t.Errorf("Advice: (-want +got)\n%s", diff)
			}
		})
	}
}
