package contract

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"net/http"
	"sync"
	"time"

	"github.com/certlife/certlife/tz"
)

// Contracts finds the contract a client certificate was issued for: the
// lookup a [Gatekeeper] needs. The update server implements it over its
// contract database; [MemoryContracts] keeps contracts in memory.
type Contracts interface {
	// ContractFor returns the contract cert was issued for, and false
	// when it knows none. The certificate has been verified by the TLS
	// layer; ContractFor must not modify it. An error means the lookup
	// failed: the gatekeeper then refuses with 503 and tells the client
	// nothing more.
	ContractFor(ctx context.Context, cert *x509.Certificate) (Contract, bool, error)
}

// A MemoryContracts is [Contracts] in memory, keyed by contract ID. It finds
// a certificate's contract under the subject attributes [BindSubject]
// reads, in this order: serialNumber, common name, each organizational
// unit; the first ID it holds wins. A deployment whose CA writes the
// contract ID elsewhere implements Contracts itself. The zero
// MemoryContracts is empty and ready to use; it is safe for concurrent use
// (contracts may be put while it serves) and must not be copied after
// first use.
type MemoryContracts struct {
	mu sync.RWMutex
	m  map[string]Contract
}

// Put adds c, or replaces the contract with c's ID, for example with the
// result of [Contract.Extend] (CT-3: the certificate already issued keeps
// working). It returns an [*InputError] for an invalid contract, which it
// does not store.
func (m *MemoryContracts) Put(c Contract) error {
	if err := c.check("MemoryContracts.Put"); err != nil {
		return err
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.m == nil {
		m.m = make(map[string]Contract)
	}
	m.m[c.ID] = c
	return nil
}

// ContractFor implements [Contracts]. It never returns an error.
func (m *MemoryContracts) ContractFor(_ context.Context, cert *x509.Certificate) (Contract, bool, error) {
	if cert == nil {
		return Contract{}, false, nil
	}
	m.mu.RLock()
	defer m.mu.RUnlock()
	if c, ok := m.m[cert.Subject.SerialNumber]; ok {
		return c, true, nil
	}
	if c, ok := m.m[cert.Subject.CommonName]; ok {
		return c, true, nil
	}
	for _, ou := range cert.Subject.OrganizationalUnit {
		if c, ok := m.m[ou]; ok {
			return c, true, nil
		}
	}
	return Contract{}, false, nil
}

// A Gatekeeper is what the update server plugs in to refuse client
// certificates whose contract is not in force (CT-1 to CT-4): it finds
// the contract of the certificate presented and applies [Access] at the
// instant its clock gives.
//
// It has two entry points. [Gatekeeper.Handler] wraps an [http.Handler] and
// answers a refused request with 403 Forbidden and a text the customer can
// act on ([AccessError.Advice]): the contract ended, the certificate was
// replaced, the certificate is not bound to a contract. It judges every
// request, so a kept-alive connection is refused the instant the contract
// ends. [Gatekeeper.VerifyConnection] goes in [tls.Config.VerifyConnection]
// and refuses at the handshake; the client then sees only a TLS alert
// ("bad certificate"), with no reason, and a connection accepted stays
// accepted, so use it only in addition to Handler, to drop refused clients
// early.
//
// The server's [tls.Config] must verify client certificates (ClientCAs:
// the vendor's CA, and ClientAuth: [tls.RequireAndVerifyClientCert], or
// [tls.VerifyClientCertIfGiven] so that a client without a certificate
// gets a 403 saying what is missing instead of a failed handshake): Access
// does not check signatures, so the gatekeeper takes only a certificate
// the TLS layer verified, and refuses a request without one. Set the tls.Config's Time to the same clock as Now if the
// clock is not the system's, so that both judge the same instant.
//
// Its fields are read at each decision; do not change them while it
// serves (put contracts in a Contracts that is safe for that instead).
type Gatekeeper struct {
	// Contracts finds the contract of a certificate; it must be set.
	Contracts Contracts
	// Service is the support service (CT-4); the zero Service is
	// [DefaultService].
	Service Service
	// Now returns the instant to judge each request or handshake at; it
	// must be set. The library never reads the clock: a server passes
	// time.Now, a test a fixed instant.
	Now func() time.Time
	// OnDeny, if set, is called with the full error of each refusal, for
	// the server's log: an [*AccessError], an [*InputError] (a contract
	// from Contracts that cannot be judged, a nil field), or the error of
	// the lookup, wrapped. The client is told none of it beyond
	// [AccessError.Advice]. It must be safe for concurrent use.
	OnDeny func(err error)
}

// decide returns the contract of the verified client certificate of cs
// and nil when access is allowed at g.Now(), else the refusal.
func (g *Gatekeeper) decide(ctx context.Context, cs *tls.ConnectionState, fn string) (Contract, error) {
	switch {
	case g.Contracts == nil:
		return Contract{}, inputError(fn, "nil Contracts")
	case g.Now == nil:
		return Contract{}, inputError(fn, "nil Now")
	}
	at := g.Now()
	// The leaf of a verified chain is the certificate presented, verified
	// by the TLS layer; PeerCertificates alone may be unverified.
	if cs == nil || len(cs.VerifiedChains) == 0 || len(cs.VerifiedChains[0]) == 0 {
		return Contract{}, &AccessError{Reason: ReasonNoCertificate, At: at}
	}
	cert := cs.VerifiedChains[0][0]
	c, ok, err := g.Contracts.ContractFor(ctx, cert)
	if err != nil {
		return Contract{}, &lookupError{err}
	}
	if !ok {
		return Contract{}, &AccessError{Reason: ReasonNotBound, At: at, Cert: cert}
	}
	return c, Access(c, cert, at, g.Service)
}

// lookupError wraps the error of Contracts.ContractFor.
type lookupError struct{ err error }

func (e *lookupError) Error() string {
	return "contract: looking up the contract of a certificate: " + e.err.Error()
}
func (e *lookupError) Unwrap() error { return e.err }

// VerifyConnection decides on a TLS connection at its handshake, for
// [tls.Config.VerifyConnection]: nil when the verified client certificate's
// contract gives access at g.Now(), else the refusal, which fails the
// handshake (see [Gatekeeper] for why [Gatekeeper.Handler] should answer
// too). The lookup runs with [context.Background], since a handshake
// passes none; a Contracts backed by a database should bound its own wait.
//
// It returns an [*AccessError] ([ReasonNoCertificate] when the connection
// has no verified client certificate, [ReasonNotBound] when Contracts
// knows no contract for it, or Access's reason), an [*InputError] when a
// field is nil or the contract cannot be judged, or the lookup's error,
// wrapped.
func (g *Gatekeeper) VerifyConnection(cs tls.ConnectionState) error {
	_, err := g.decide(context.Background(), &cs, "Gatekeeper.VerifyConnection")
	if err != nil && g.OnDeny != nil {
		g.OnDeny(err)
	}
	return err
}

// Handler returns next guarded by the gatekeeper: a request whose verified
// client certificate's contract gives access at g.Now() reaches next,
// with the contract in its context ([ContractFrom]); any other is
// answered here. A refusal by [Access] gets 403 Forbidden with the text of
// [AccessError.Advice] (text/plain), so that the customer learns what to
// do and nothing internal. A failed lookup, or a contract that cannot be
// judged, gets 503 Service Unavailable with a plain "try again later".
// Either way OnDeny gets the full error.
//
// It panics if Contracts or Now is nil, at once rather than at the first
// request.
func (g *Gatekeeper) Handler(next http.Handler) http.Handler {
	switch {
	case g.Contracts == nil:
		panic("contract: Gatekeeper.Handler: nil Contracts")
	case g.Now == nil:
		panic("contract: Gatekeeper.Handler: nil Now")
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		c, err := g.decide(r.Context(), r.TLS, "Gatekeeper.Handler")
		if err == nil {
			next.ServeHTTP(w, r.WithContext(context.WithValue(r.Context(), contractKey{}, c)))
			return
		}
		if g.OnDeny != nil {
			g.OnDeny(err)
		}
		w.Header().Set("Cache-Control", "no-store")
		var ae *AccessError
		if errors.As(err, &ae) {
			http.Error(w, ae.Advice(), http.StatusForbidden)
			return
		}
		http.Error(w, "The update service is temporarily unavailable; try again later.", http.StatusServiceUnavailable)
	})
}

type contractKey struct{}

// ContractFrom returns the contract [Gatekeeper.Handler] put in the
// context of a request it let through, and whether there is one.
func ContractFrom(ctx context.Context) (Contract, bool) {
	c, ok := ctx.Value(contractKey{}).(Contract)
	return c, ok
}

// Advice returns what to tell the customer whose access e refused: why,
// in terms of their contract, and what to do, with dates in JST and
// nothing internal (no certificate serial, no server detail). The texts:
//
//   - no certificate: "This service needs the client certificate issued
//     for your support contract."
//   - not bound: "The certificate presented is not bound to a support
//     contract of this service. Use the client certificate issued for your
//     contract."
//   - contract not started: "Support contract C-1 starts on 2026-04-01
//     (JST); its certificate gives access from then."
//   - contract ended: "Support contract C-1 ended on 2027-03-31 (JST), and
//     its certificate no longer gives access. To continue, contact your
//     sales representative about a new contract."
//   - service ended: "The support service ended on 2028-06-30 (JST)."
//   - replaced: "This certificate was replaced: certificates issued before
//     the replacement gave access through 2029-07-31 (JST). Install the
//     replacement certificate issued for contract C-1; if you have not
//     received it, contact your sales representative."
//   - certificate not yet valid, expired: the instant, and for an expired
//     one, to contact the sales representative.
func (e *AccessError) Advice() string {
	day := func(t time.Time) string { return tz.DateOf(t, tz.JST).String() + " (JST)" }
	switch e.Reason {
	case ReasonNoCertificate:
		return "This service needs the client certificate issued for your support contract."
	case ReasonNotBound:
		return "The certificate presented is not bound to a support contract of this service. " +
			"Use the client certificate issued for your contract."
	case ReasonContractNotStarted:
		return "Support contract " + e.ContractID + " starts on " + day(e.Limit) + "; its certificate gives access from then."
	case ReasonContractEnded:
		return "Support contract " + e.ContractID + " ended on " + day(e.Limit.Add(-1)) +
			", and its certificate no longer gives access. To continue, contact your sales representative about a new contract."
	case ReasonServiceEnded:
		return "The support service ended on " + day(e.Limit.Add(-1)) + "."
	case ReasonReplaced:
		return "This certificate was replaced: certificates issued before the replacement gave access through " +
			day(e.Limit.Add(-1)) + ". Install the replacement certificate issued for contract " + e.ContractID +
			"; if you have not received it, contact your sales representative."
	case ReasonCertNotYetValid:
		return "This certificate is valid from " + rfc3339(e.Limit) + "."
	case ReasonCertExpired:
		return "This certificate expired at " + rfc3339(e.Limit) + ". Contact your sales representative."
	}
	return "Access refused."
}
