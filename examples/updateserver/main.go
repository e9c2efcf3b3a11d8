// Updateserver is a sample update server guarded by package contract's
// Gatekeeper (rules CT-1 to CT-4): it serves files over HTTPS only to a
// client certificate whose support contract is in force, and answers
// every other request with 403 and what the customer can do about it.
//
// Usage:
//
//	updateserver [flags]
//
// With no flags it starts on a free port of the loopback with its embedded
// sample: a test CA, a server certificate for 127.0.0.1, contract
// C-2026-0001 (2026-05-01 to 2027-04-30, JST) and the client certificate of
// that contract as the vendor delivers it, a PKCS#12 file (password
// Sample2026, encoded for CentOS 7's OpenSSL 1.0.2). It opens that file
// with package pkce, writes the CA, the client certificate and its key as
// PEM files into a new temporary directory, prints the curl command that
// reaches the server with them, and serves until interrupted (the
// directory is removed on exit).
//
// Each request is judged at the instant -at gives, or at the time it
// arrives: the contract decides, not the certificate's notAfter (CT-1);
// from the first instant after the contract's end day in JST the
// certificate counts as revoked (CT-2); the service ends on 2028-06-30
// (CT-4). A request without a client certificate is answered too, with a
// 403 that says a certificate is needed; a certificate the test CA did not
// issue fails the TLS handshake.
//
// Standard output has one line per request: the instant judged, the
// method and path, the status, and the contract let through or the text
// the client was sent. Standard error has the server's log: the full
// reason of each refusal, with the details the client is not told.
//
// # Flags
//
//	-addr HOST:PORT  listen there instead of 127.0.0.1 on a free port
//	-at TIME         judge every request at TIME instead of its arrival
//	                 (any form tz.Parse reads)
//	-dir DIR         write ca.pem, client.pem and client-key.pem into DIR
//	                 (kept on exit) instead of a new temporary directory
//	-n N             exit after answering N requests (0: serve until
//	                 interrupted)
//
// # Exit codes
//
//	0  served until interrupted, or -n requests answered
//	2  usage error, or the server could not start
//
// # Example
//
//	$ go run ./examples/updateserver -at 2027-05-01
//	... curl --cacert /tmp/updateserver123/ca.pem ... https://127.0.0.1:40123/el7/repodata/repomd.xml
//
// In another terminal, that curl command gets
//
//	Support contract C-2026-0001 ended on 2027-04-30 (JST), and its certificate no longer gives access. To continue, contact your sales representative about a new contract.
//
// and a status of 403.
package main

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"embed"
	"encoding/pem"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"log"
	"net"
	"net/http"
	"os"
	"os/signal"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/certlife/certlife/contract"
	"github.com/certlife/certlife/pkce"
	"github.com/certlife/certlife/tz"
)

const name = "updateserver"

// samplePassword is the download password of the sample client.p12
// (PK-1: letters and digits only).
const samplePassword = "Sample2026"

// The embedded sample, written by TestFixtures (go test -run TestFixtures
// -update; -regen for client.p12), and the files served.
var (
	//go:embed testdata/ca.pem
	caPEM []byte
	//go:embed testdata/server.pem
	serverPEM []byte
	//go:embed testdata/server-key.pem
	serverKeyPEM []byte
	//go:embed testdata/client.p12
	clientP12 []byte
	//go:embed testdata/updates
	updates embed.FS
)

// sampleContract is the contract the sample client certificate proves.
var sampleContract = contract.Contract{
	ID:    "C-2026-0001",
	Start: tz.Date{Year: 2026, Month: time.May, Day: 1},
	End:   tz.Date{Year: 2027, Month: time.April, Day: 30},
}

const usage = `usage: updateserver [flags]

Serves sample updates over HTTPS on the loopback, only to a client
certificate whose support contract is in force (package contract's
Gatekeeper, CT-1..4), and answers other requests with 403 and what to do.
Prints the curl command that reaches it, with the sample client
certificate written out as PEM files.

Flags:
  -addr HOST:PORT  listen address (default 127.0.0.1 on a free port)
  -at TIME         judge every request at TIME (default: when it arrives),
                   e.g. 2027-04-30T23:59:59+09:00, 2027-05-01 (00:00 JST)
  -dir DIR         write the PEM files into DIR (default: a temporary
                   directory, removed on exit)
  -n N             exit after answering N requests (default 0: until
                   interrupted)
  -h               this help

Exit codes: 0 stopped; 2 usage error or the server could not start.
`

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	os.Exit(run(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

// run is the whole command: it serves until ctx is done or -n requests
// are answered, and returns the exit code.
func run(ctx context.Context, args []string, _ io.Reader, stdout, stderr io.Writer) int {
	fail := func(format string, a ...any) int {
		fmt.Fprintf(stderr, name+": "+format+"\n", a...)
		return 2
	}
	fset := flag.NewFlagSet(name, flag.ContinueOnError)
	fset.SetOutput(io.Discard)
	addr := fset.String("addr", "127.0.0.1:0", "listen address")
	atText := fset.String("at", "", "judge every request at this instant")
	dir := fset.String("dir", "", "directory for the PEM files")
	limit := fset.Int("n", 0, "exit after answering this many requests")
	if err := fset.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			io.WriteString(stdout, usage)
			return 0
		}
		return fail("%v (see %s -h)", err, name)
	}
	if fset.NArg() > 0 {
		return fail("unexpected argument %q (see %s -h)", fset.Arg(0), name)
	}
	if *limit < 0 {
		return fail("-n %d: want 0 or more", *limit)
	}
	// The example is the only place that reads the clock, and only when
	// -at is not given.
	now := time.Now
	if *atText != "" {
		at, err := tz.Parse(*atText)
		if err != nil {
			return fail("-at: %v", err)
		}
		now = func() time.Time { return at }
	}

	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		return fail("%v", err)
	}
	defer ln.Close()

	// The client certificate as the customer receives it: a PKCS#12 file
	// and its password. curl wants PEM files.
	bundle, err := pkce.Decode(clientP12, samplePassword)
	if err != nil {
		return fail("sample client.p12: %v", err)
	}
	if *dir == "" {
		tmp, err := os.MkdirTemp("", name)
		if err != nil {
			return fail("%v", err)
		}
		defer os.RemoveAll(tmp)
		*dir = tmp
	}
	files, err := writeClientFiles(*dir, bundle)
	if err != nil {
		return fail("%v", err)
	}

	serverCert, err := tls.X509KeyPair(serverPEM, serverKeyPEM)
	if err != nil {
		return fail("sample server certificate: %v", err)
	}
	pool := x509.NewCertPool()
	pool.AppendCertsFromPEM(caPEM)
	var contracts contract.MemoryContracts
	if err := contracts.Put(sampleContract); err != nil {
		return fail("%v", err)
	}
	out := &lockedWriter{w: stdout}
	errLog := &lockedWriter{w: stderr}
	gate := &contract.Gatekeeper{
		Contracts: &contracts,
		Service:   contract.DefaultService(),
		Now:       now,
		OnDeny:    func(err error) { fmt.Fprintf(errLog, "%s: refused: %v\n", name, err) },
	}
	root, _ := fs.Sub(updates, "testdata/updates")
	done := make(chan struct{})
	var once sync.Once
	var answered int
	var mu sync.Mutex
	handler := logRequests(out, now, gate.Handler(noteContract(http.FileServerFS(root))), func() {
		mu.Lock()
		defer mu.Unlock()
		answered++
		if *limit > 0 && answered == *limit {
			once.Do(func() { close(done) })
		}
	})

	srv := &http.Server{
		Handler: handler,
		TLSConfig: &tls.Config{
			Certificates: []tls.Certificate{serverCert},
			// A client without a certificate still reaches the
			// gatekeeper, which tells it what is missing; one with a
			// certificate the CA did not issue fails the handshake.
			ClientAuth: tls.VerifyClientCertIfGiven,
			ClientCAs:  pool,
			// TLS checks the client certificate's own validity at the
			// instant the gatekeeper judges.
			Time: now,
		},
		ErrorLog:          log.New(errLog, name+": ", 0),
		ReadHeaderTimeout: 10 * time.Second,
	}
	served := make(chan error, 1)
	go func() { served <- srv.ServeTLS(ln, "", "") }()

	url := "https://" + ln.Addr().String() + "/el7/repodata/repomd.xml"
	fmt.Fprintf(out, "%s: serving https://%s/ for contract %s (%s to %s, JST)\n", name, ln.Addr(), sampleContract.ID, sampleContract.Start, sampleContract.End)
	if *atText != "" {
		fmt.Fprintf(out, "judging every request at %s\n", now().In(tz.JST).Format(time.RFC3339Nano))
	} else {
		fmt.Fprintln(out, "judging every request when it arrives")
	}
	fmt.Fprintf(out, "client certificate of client.p12 (password %s) written to %s:\n  %s\n", samplePassword, *dir, strings.Join(files, "  "))
	fmt.Fprintf(out, "reach it with:\n  curl --cacert %s --cert %s --key %s %s\n",
		filepath.Join(*dir, "ca.pem"), filepath.Join(*dir, "client.pem"), filepath.Join(*dir, "client-key.pem"), url)

	select {
	case <-ctx.Done():
	case <-done:
	case err := <-served:
		return fail("%v", err)
	}
	shutdown, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := srv.Shutdown(shutdown); err != nil {
		return fail("shutting down: %v", err)
	}
	mu.Lock()
	defer mu.Unlock()
	plural := "s"
	if answered == 1 {
		plural = ""
	}
	fmt.Fprintf(out, "%s: stopped after %d request%s\n", name, answered, plural)
	return 0
}

// writeClientFiles writes the CA, the client certificate and its key
// (PKCS#8, unencrypted, readable only by the user) into dir, for curl, and
// returns their names.
func writeClientFiles(dir string, b *pkce.Bundle) ([]string, error) {
	key, err := x509.MarshalPKCS8PrivateKey(b.Key)
	if err != nil {
		return nil, err
	}
	files := []struct {
		name string
		data []byte
		mode os.FileMode
	}{
		{"ca.pem", caPEM, 0o644},
		{"client.pem", pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: b.Leaf.Raw}), 0o644},
		{"client-key.pem", pem.EncodeToMemory(&pem.Block{Type: "PRIVATE KEY", Bytes: key}), 0o600},
	}
	var names []string
	for _, f := range files {
		if err := os.WriteFile(filepath.Join(dir, f.name), f.data, f.mode); err != nil {
			return nil, err
		}
		names = append(names, f.name)
	}
	return names, nil
}

// A lockedWriter serializes writes from concurrent requests.
type lockedWriter struct {
	mu sync.Mutex
	w  io.Writer
}

func (l *lockedWriter) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.w.Write(p)
}

// requestLog is what logRequests learns of one request.
type requestLog struct {
	contract string // the contract the gatekeeper let through
}

type requestLogKey struct{}

// noteContract tells logRequests which contract the gatekeeper let
// through: it runs after the gatekeeper, which put the contract in the
// request's context.
func noteContract(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		c, ok := contract.ContractFrom(r.Context())
		if rec, logged := r.Context().Value(requestLogKey{}).(*requestLog); ok && logged {
			rec.contract = c.ID
		}
		next.ServeHTTP(w, r)
	})
}

// logRequests writes one line per request to out: the instant judged, the
// method and path, the status, and the contract let through or the text
// sent back; then it calls answered.
func logRequests(out io.Writer, now func() time.Time, next http.Handler, answered func()) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		at := now()
		rec := &requestLog{}
		rw := &recorder{ResponseWriter: w, status: http.StatusOK}
		next.ServeHTTP(rw, r.WithContext(context.WithValue(r.Context(), requestLogKey{}, rec)))
		what := "contract " + rec.contract
		if rw.status != http.StatusOK {
			what = strings.TrimSpace(rw.body.String())
		}
		fmt.Fprintf(out, "%s %s %s %d %s\n", at.In(tz.JST).Format(time.RFC3339), r.Method, r.URL.Path, rw.status, what)
		answered()
	})
}

// A recorder keeps the status and, for a refusal, the short body sent.
type recorder struct {
	http.ResponseWriter
	status int
	body   strings.Builder
}

func (r *recorder) WriteHeader(code int) {
	r.status = code
	r.ResponseWriter.WriteHeader(code)
}

func (r *recorder) Write(p []byte) (int, error) {
	if r.status != http.StatusOK && r.body.Len() < 1024 {
		r.body.Write(p)
	}
	return r.ResponseWriter.Write(p)
}
