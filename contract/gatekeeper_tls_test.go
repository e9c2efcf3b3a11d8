package contract_test

import (
	"bytes"
	"crypto"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/pem"
	"errors"
	"fmt"
	"io"
	"log"
	"math/big"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/certlife/certlife/contract"
	"github.com/certlife/certlife/pkce"
)

// requireTool returns the path of a peer tool, or skips the test with the
// reason when it is missing; under CI=true a missing tool fails the test.
func requireTool(t *testing.T, name string) string {
	t.Helper()
	path, err := exec.LookPath(name)
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("%s is required under CI=true: %v", name, err)
		}
		t.Skipf("%s not found (%v); install it to run this test", name, err)
	}
	return path
}

// testPKI is a test CA with a server certificate for 127.0.0.1 and
// client certificates bound to contracts, as the vendor would issue them.
type testPKI struct {
	ca     *x509.Certificate
	caKey  crypto.Signer
	server tls.Certificate
	serial int64
}

func newPKI(t testing.TB) *testPKI {
	t.Helper()
	p := &testPKI{serial: 100}
	p.caKey = ecKey(t)
	tmpl := &x509.Certificate{
		SerialNumber: big.NewInt(1),
		Subject:      pkix.Name{Country: []string{"JP"}, Organization: []string{"Example Linux Vendor K.K."}, CommonName: "Example Extended Support Test CA"},
		NotBefore:    time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC),
		NotAfter:     time.Date(2099, 12, 31, 23, 59, 59, 0, time.UTC),
		IsCA:         true, BasicConstraintsValid: true,
		KeyUsage: x509.KeyUsageCertSign,
	}
	p.ca = p.sign(t, tmpl, tmpl, p.caKey.Public())
	// The server certificate is valid from 2000 to 2099, so that curl,
	// which checks it against the host's clock, accepts it whenever the
	// test runs; nothing in the test depends on that clock.
	key := ecKey(t)
	srv := p.sign(t, &x509.Certificate{
		Subject:     pkix.Name{CommonName: "127.0.0.1"},
		IPAddresses: []net.IP{net.IPv4(127, 0, 0, 1)},
		NotBefore:   time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC),
		NotAfter:    time.Date(2099, 12, 31, 23, 59, 59, 0, time.UTC),
		KeyUsage:    x509.KeyUsageDigitalSignature,
		ExtKeyUsage: []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth},
	}, p.ca, key.Public())
	p.server = tls.Certificate{Certificate: [][]byte{srv.Raw}, PrivateKey: key, Leaf: srv}
	return p
}

func ecKey(t testing.TB) *ecdsa.PrivateKey {
	t.Helper()
	k, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	return k
}

func (p *testPKI) sign(t testing.TB, tmpl, parent *x509.Certificate, pub crypto.PublicKey) *x509.Certificate {
	t.Helper()
	if tmpl.SerialNumber == nil {
		p.serial++
		tmpl.SerialNumber = big.NewInt(p.serial)
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, parent, pub, p.caKey)
	if err != nil {
		t.Fatal(err)
	}
	cert, err := x509.ParseCertificate(der)
	if err != nil {
		t.Fatal(err)
	}
	return cert
}

// client issues the client certificate of a contract, issued at notBefore
// and valid for ten years (CT-1: the contract, not NotAfter, decides), and
// delivers it as the vendor does: a PKCS#12 file made by pkce, with the
// download password.
func (p *testPKI) client(t *testing.T, id string, notBefore time.Time, password string) []byte {
	t.Helper()
	c := p.clientCert(t, id, notBefore)
	p12, err := (&pkce.Bundle{Key: c.PrivateKey, Leaf: c.Leaf, Chain: []*x509.Certificate{p.ca}}).Encode(password, pkce.OpenSSL30)
	if err != nil {
		t.Fatal(err)
	}
	return p12
}

// clientCert issues the client certificate of a contract, issued at
// notBefore and valid for ten years.
func (p *testPKI) clientCert(t testing.TB, id string, notBefore time.Time) tls.Certificate {
	t.Helper()
	key := ecKey(t)
	cert := p.sign(t, &x509.Certificate{
		Subject:     pkix.Name{Country: []string{"JP"}, Organization: []string{"Example Customer K.K."}, CommonName: "update client", SerialNumber: id},
		NotBefore:   notBefore,
		NotAfter:    notBefore.AddDate(10, 0, 0),
		KeyUsage:    x509.KeyUsageDigitalSignature,
		ExtKeyUsage: []x509.ExtKeyUsage{x509.ExtKeyUsageClientAuth},
	}, p.ca, key.Public())
	return tls.Certificate{Certificate: [][]byte{cert.Raw}, PrivateKey: key, Leaf: cert}
}

// installed is a client certificate as an administrator installs it from
// the PKCS#12 file: PEM files for curl and a tls.Certificate for Go.
type installed struct {
	certFile, keyFile string
	tls               tls.Certificate
}

// install opens the PKCS#12 file with its password (pkce.Decode) and
// writes the certificate and key as PEM files into dir.
func install(t *testing.T, dir, name string, p12 []byte, password string) installed {
	t.Helper()
	b, err := pkce.Decode(p12, password)
	if err != nil {
		t.Fatal(err)
	}
	keyDER, err := x509.MarshalPKCS8PrivateKey(b.Key)
	if err != nil {
		t.Fatal(err)
	}
	in := installed{certFile: filepath.Join(dir, name+".pem"), keyFile: filepath.Join(dir, name+"-key.pem")}
	if err := os.WriteFile(in.certFile, pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: b.Leaf.Raw}), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(in.keyFile, pem.EncodeToMemory(&pem.Block{Type: "PRIVATE KEY", Bytes: keyDER}), 0o600); err != nil {
		t.Fatal(err)
	}
	in.tls = tls.Certificate{Certificate: [][]byte{b.Leaf.Raw}, PrivateKey: b.Key, Leaf: b.Leaf}
	return in
}

// testClock is the instant the server judges at, set by the test.
type testClock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *testClock) now() time.Time  { c.mu.Lock(); defer c.mu.Unlock(); return c.t }
func (c *testClock) set(t time.Time) { c.mu.Lock(); c.t = t; c.mu.Unlock() }

// TestGatekeeperOverTLS runs the gatekeeper in a real HTTPS server on the
// loopback, with client certificates delivered as PKCS#12 files made by
// pkce, opened and presented by the real curl (OpenSSL) and by Go's
// http.Client. The server's clock is the test's; TLS verifies the client
// certificate at the same instant.
func TestGatekeeperOverTLS(t *testing.T) {
	const password = "Dl2026pass" // PK-1: letters and digits
	pki := newPKI(t)
	dir := t.TempDir()

	c := contract.Contract{ID: "C-2026-0001", Start: date(2026, 5, 1), End: date(2027, 4, 30)}
	var contracts contract.MemoryContracts
	if err := contracts.Put(c); err != nil {
		t.Fatal(err)
	}
	// CT-4: the service end extended to 2030-06-30 by a decision of
	// 2028-01-15 10:00 JST; certificates issued before it work through
	// 2029-07-31.
	decided := jst(2028, 1, 15, 10, 0, 0, 0)
	service := replacing(t)
	old := install(t, dir, "client", pki.client(t, c.ID, jst(2026, 5, 11, 10, 0, 0, 0), password), password)
	repl := install(t, dir, "replacement", pki.client(t, c.ID, decided.Add(14*24*time.Hour), password), password)
	caFile := filepath.Join(dir, "ca.pem")
	if err := os.WriteFile(caFile, pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: pki.ca.Raw}), 0o644); err != nil {
		t.Fatal(err)
	}

	var clock testClock
	var denied denials
	g := &contract.Gatekeeper{Contracts: &contracts, Service: service, Now: clock.now, OnDeny: denied.add}
	srv := httptest.NewUnstartedServer(g.Handler(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		c, _ := contract.ContractFrom(r.Context())
		fmt.Fprintf(w, "updates for %s\n", c.ID)
	})))
	pool := x509.NewCertPool()
	pool.AddCert(pki.ca)
	srv.TLS = &tls.Config{
		Certificates: []tls.Certificate{pki.server},
		ClientAuth:   tls.RequireAndVerifyClientCert,
		ClientCAs:    pool,
		Time:         clock.now,
	}
	srv.StartTLS()
	defer srv.Close()
	url := srv.URL + "/el7/repodata/repomd.xml"

	goClient := func(cert installed) *http.Client {
		return &http.Client{Timeout: 10 * time.Second, Transport: &http.Transport{TLSClientConfig: &tls.Config{
			RootCAs: pool, Certificates: []tls.Certificate{cert.tls}, Time: clock.now,
		}}}
	}
	viaGo := func(t *testing.T, cert installed) (int, string) {
		t.Helper()
		resp, err := goClient(cert).Get(url)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		body, err := io.ReadAll(resp.Body)
		if err != nil {
			t.Fatal(err)
		}
		return resp.StatusCode, string(body)
	}
	curl := ""
	viaCurl := func(t *testing.T, cert installed) (int, string) {
		t.Helper()
		if curl == "" {
			curl = requireTool(t, "curl")
		}
		cmd := exec.Command(curl, "--silent", "--show-error", "--noproxy", "*", "--max-time", "10",
			"--cacert", caFile, "--cert", cert.certFile, "--key", cert.keyFile,
			"--write-out", "\n%{http_code}", url)
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		out, err := cmd.Output()
		if err != nil {
			t.Fatalf("curl: %v: %s", err, stderr.String())
		}
		s := string(out)
		i := strings.LastIndexByte(s, '\n')
		var code int
		fmt.Sscan(s[i+1:], &code)
		return code, s[:i]
	}

	type step struct {
		name   string
		at     time.Time
		before func(t *testing.T) // a change of contract before the request
		cert   installed
		code   int
		body   string
	}
	ended := "Support contract C-2026-0001 ended on 2027-04-30 (JST), and its certificate no longer gives access. " +
		"To continue, contact your sales representative about a new contract.\n"
	steps := []step{
		{name: "CT-2 allowed during the contract", at: jst(2026, 6, 1, 9, 0, 0, 0), cert: old, code: 200, body: "updates for C-2026-0001\n"},
		{name: "CT-2 allowed in the last second of the end date JST", at: jst(2027, 4, 30, 23, 59, 59, 0), cert: old, code: 200, body: "updates for C-2026-0001\n"},
		{name: "CT-2 refused the first second after the end date JST", at: jst(2027, 5, 1, 0, 0, 0, 0), cert: old, code: 403, body: ended},
		{name: "CT-3 allowed again after an extension agreed on the end date", at: jst(2027, 5, 1, 0, 0, 0, 0), cert: old, code: 200,
			body: "updates for C-2026-0001\n",
			before: func(t *testing.T) {
				ext, err := c.Extend(date(2030, 3, 31), jst(2027, 4, 30, 23, 30, 0, 0))
				if err != nil {
					t.Fatal(err)
				}
				if err := contracts.Put(ext); err != nil {
					t.Fatal(err)
				}
			}},
		{name: "CT-4 the old certificate is allowed on the last second of the replacement deadline", at: jst(2029, 7, 31, 23, 59, 59, 0), cert: old, code: 200,
			body: "updates for C-2026-0001\n"},
		{name: "CT-4 the old certificate is refused after the replacement deadline", at: jst(2029, 8, 1, 0, 0, 0, 0), cert: old, code: 403,
			body: "This certificate was replaced: certificates issued before the replacement gave access through 2029-07-31 (JST). " +
				"Install the replacement certificate issued for contract C-2026-0001; if you have not received it, contact your sales representative.\n"},
		{name: "CT-4 the replacement certificate is allowed after the deadline", at: jst(2029, 8, 1, 0, 0, 0, 0), cert: repl, code: 200,
			body: "updates for C-2026-0001\n"},
	}
	for _, client := range []struct {
		name string
		get  func(*testing.T, installed) (int, string)
	}{{"curl", viaCurl}, {"Go", viaGo}} {
		if err := contracts.Put(c); err != nil { // each client starts from the original contract
			t.Fatal(err)
		}
		for _, s := range steps {
			t.Run(client.name+"/"+s.name, func(t *testing.T) {
				if s.before != nil {
					s.before(t)
				}
				clock.set(s.at)
				code, body := client.get(t, s.cert)
				if code != s.code || body != s.body {
					t.Errorf("%s at %v: %d %q, want %d %q (denied: %v)", client.name, s.at, code, body, s.code, s.body, denied.last())
				}
			})
		}
	}
}

// TestGatekeeperVerifyConnectionOverTLS refuses at the handshake: a Go
// client whose contract ended cannot complete a request, and one in force
// can.
func TestGatekeeperVerifyConnectionOverTLS(t *testing.T) {
	const password = "Dl2026pass"
	pki := newPKI(t)
	c := contract.Contract{ID: "C-2026-0001", Start: date(2026, 5, 1), End: date(2027, 4, 30)}
	var contracts contract.MemoryContracts
	if err := contracts.Put(c); err != nil {
		t.Fatal(err)
	}
	cert := install(t, t.TempDir(), "client", pki.client(t, c.ID, jst(2026, 5, 11, 10, 0, 0, 0), password), password)
	var clock testClock
	var denied denials
	g := &contract.Gatekeeper{Contracts: &contracts, Now: clock.now, OnDeny: denied.add}
	srv := httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { io.WriteString(w, "ok") }))
	pool := x509.NewCertPool()
	pool.AddCert(pki.ca)
	srv.TLS = &tls.Config{Certificates: []tls.Certificate{pki.server}, ClientAuth: tls.RequireAndVerifyClientCert,
		ClientCAs: pool, Time: clock.now, VerifyConnection: g.VerifyConnection}
	srv.Config.ErrorLog = log.New(io.Discard, "", 0) // the refused handshake is logged by OnDeny
	srv.StartTLS()
	defer srv.Close()
	get := func() error {
		cl := &http.Client{Timeout: 10 * time.Second, Transport: &http.Transport{TLSClientConfig: &tls.Config{
			RootCAs: pool, Certificates: []tls.Certificate{cert.tls}, Time: clock.now}}}
		resp, err := cl.Get(srv.URL)
		if err == nil {
			resp.Body.Close()
		}
		return err
	}
	clock.set(jst(2027, 4, 30, 23, 59, 59, 0))
	if err := get(); err != nil {
		t.Errorf("CT-2 in the last second of the contract: %v", err)
	}
	clock.set(jst(2027, 5, 1, 0, 0, 0, 0))
	if err := get(); err == nil {
		t.Errorf("CT-2 the handshake succeeded after the contract ended")
	}
	if !errors.Is(denied.last(), contract.ErrRevoked) {
		t.Errorf("CT-2 OnDeny got %v, want the revocation", denied.last())
	}
}
