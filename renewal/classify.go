package renewal

import (
	"crypto/sha256"
	"math"
	"strconv"
	"time"

	"github.com/certlife/certlife/internal/keys"

	"github.com/certlife/certlife/internal/serial"
)

// Kind is the category of an application: new or renewal.
type Kind int

const (
	// KindNew is a new application (RN-1, RN-4).
	KindNew Kind = iota + 1
	// KindRenewal is a renewal application (RN-2).
	KindRenewal
)

// String returns "new" or "renewal".
func (k Kind) String() string {
	switch k {
	case KindNew:
		return "new"
	case KindRenewal:
		return "renewal"
	}
	return "Kind(" + strconv.Itoa(int(k)) + ")"
}

// Clause names the clause of RN-1, RN-2 or RN-4 that decided an
// application's [Kind].
type Clause int

const (
	// ClauseFirstCertificate results when the applicant holds no
	// certificate (RN-1): new.
	ClauseFirstCertificate Clause = iota + 1
	// ClauseCommonNameChanged results when the application says which
	// held certificate it follows ([Application.Replaces]) and its common
	// name differs from that certificate's (RN-1): new.
	ClauseCommonNameChanged
	// ClauseAdditional results when the application asks for an additional
	// certificate for a common name already held (RN-1): new.
	ClauseAdditional
	// ClauseSubjectChanged results when the common name is the current
	// certificate's but another subject attribute differs (RN-4): new.
	ClauseSubjectChanged
	// ClauseAfterWait results when the common name and the rest of the
	// subject are the current certificate's and renewal is open (RN-2,
	// RN-3, RN-11): renewal.
	ClauseAfterWait
	// ClauseNoCertificateForName results when the applicant holds
	// certificates but none for the application's name and the
	// application does not say it follows one (RN-1): new. It is not
	// "common name changed": nothing says the applicant ever held the
	// name.
	ClauseNoCertificateForName
)

// String returns the rule id and a short description, such as
// "RN-4 subject changed".
func (c Clause) String() string {
	switch c {
	case ClauseFirstCertificate:
		return "RN-1 first certificate"
	case ClauseCommonNameChanged:
		return "RN-1 common name changed"
	case ClauseAdditional:
		return "RN-1 additional certificate for the same common name"
	case ClauseSubjectChanged:
		return "RN-4 subject changed"
	case ClauseAfterWait:
		return "RN-2 same subject after the wait"
	case ClauseNoCertificateForName:
		return "RN-1 no certificate for this name"
	}
	return "Clause(" + strconv.Itoa(int(c)) + ")"
}

// Decision is the outcome of [Classify].
type Decision struct {
	// Kind is KindNew or KindRenewal.
	Kind Kind
	// Clause is the clause that decided Kind.
	Clause Clause
	// Renews is the certificate a renewal renews; nil for a new
	// application. It is a copy, not a pointer into the caller's slice.
	Renews *Held
	// Current is the certificate the application is compared with: the
	// one it says it replaces, or else the current certificate for its
	// name (the latest issued), whatever the Kind; nil when there is none.
	// It is a copy.
	Current *Held
	// Changed lists the subject attributes, other than the common name,
	// that differ from Current's, by short name ("O", "L", "ST", or a
	// dotted OID), for ClauseSubjectChanged.
	Changed []string
	// Warnings are findings that do not change the category, such as a
	// reused key pair (RN-7).
	Warnings []Warning
}

// WarningCode identifies a [Warning].
type WarningCode int

const (
	// WarnKeyReused results when the application's public key is the
	// public key of a held certificate (RN-7): a new key pair and CSR
	// should be made for every renewal, and some servers (IIS) cannot
	// install a certificate issued for last year's CSR.
	WarnKeyReused WarningCode = iota + 1
	// WarnNonASCIIName results when the application's common name is not
	// ASCII: it is compared after Unicode simple case folding only, without
	// IDNA mapping, so it does not match its "xn--" form.
	WarnNonASCIIName
	// WarnCurrentExpired results when the current certificate's notAfter is
	// before the application instant. The rules do not say that an expired
	// certificate cannot be renewed; the CA may want to look.
	WarnCurrentExpired
	// WarnAdditionalNotHeld results when an application asks for an
	// additional certificate but no certificate for its common name is
	// held; it is classified as new on its own terms.
	WarnAdditionalNotHeld
	// WarnLifetimeExceedsLimit results from [Plan] when the held
	// certificate is longer than the Baseline Requirements allow for a
	// certificate issued at the planned due instant (TV-6).
	WarnLifetimeExceedsLimit
	// WarnLimitShrinks results from [Plan] when the lifetime limit in force
	// at the due instant ends before a successor of the same lifetime would
	// itself be due: the renewal after next gets a shorter maximum (TV-6;
	// a yearly cadence ends on 2026-03-15).
	WarnLimitShrinks
	// WarnWindowClamped results from [Plan] when the deadline falls
	// before renewal opens and was moved to Opens: the wait leaves too
	// little of a short lifetime.
	WarnWindowClamped
	// WarnMarginCapped results from [Plan] when the safety margin asked
	// for ([SafetyMargin]) is more than [MaxMarginFraction] of the
	// lifetime and was cut to it (RN-12).
	WarnMarginCapped
	// WarnDueMoved results from [Plan] when a renewal [Window] moved the
	// due instant; the detail says from when, to when and which windows.
	WarnDueMoved
	// WarnARIAfterDeadline results from [Plan] when the instant chosen in
	// an ARI window (RN-13) is after the deadline: the CA's suggestion is
	// followed, with less room before notAfter.
	WarnARIAfterDeadline
	// WarnCarryOverCut results from [Plan] when a policy with [CarryAll]
	// cannot carry all the remaining validity over because the CA's
	// maximum or TV-6 cuts the next certificate: renewing later would
	// lose less.
	WarnCarryOverCut
)

// String returns a short lower-case description of c.
func (c WarningCode) String() string {
	switch c {
	case WarnKeyReused:
		return "RN-7 key pair reused"
	case WarnNonASCIIName:
		return "common name is not ASCII"
	case WarnCurrentExpired:
		return "current certificate has expired"
	case WarnAdditionalNotHeld:
		return "additional certificate for a common name not held"
	case WarnLifetimeExceedsLimit:
		return "TV-6 lifetime exceeds the limit at the due instant"
	case WarnLimitShrinks:
		return "TV-6 lifetime limit shrinks"
	case WarnWindowClamped:
		return "RN-3 wait leaves too little of the lifetime"
	case WarnMarginCapped:
		return "RN-12 safety margin cut to a fraction of the lifetime"
	case WarnDueMoved:
		return "due instant moved by a renewal window"
	case WarnARIAfterDeadline:
		return "RN-13 ARI window after the deadline"
	case WarnCarryOverCut:
		return "RN-11 carry-over cut by a limit"
	}
	return "WarningCode(" + strconv.Itoa(int(c)) + ")"
}

// Warning is a finding that does not change an outcome.
type Warning struct {
	// Code identifies the finding.
	Code WarningCode
	// Detail names the values involved, for people.
	Detail string
}

// String returns the code's description and the detail.
func (w Warning) String() string {
	if w.Detail == "" {
		return w.Code.String()
	}
	return w.Code.String() + ": " + w.Detail
}

// Classify decides whether app is a new application or a renewal under
// the CA's policy p, given the certificates the applicant holds, and in
// what order the rules apply:
//
//  1. app.Replaces names a held certificate of another name: KindNew,
//     ClauseCommonNameChanged (RN-1);
//  2. no certificate held: KindNew, ClauseFirstCertificate (RN-1);
//  3. none held for app's name: KindNew, ClauseNoCertificateForName (RN-1);
//  4. app.Additional: KindNew, ClauseAdditional (RN-1);
//  5. another subject attribute differs from the current certificate's:
//     KindNew, ClauseSubjectChanged (RN-4);
//  6. before [OpensAt] of the current certificate under p: a
//     [*TooEarlyError] matching [ErrTooEarly] (RN-3, RN-11);
//  7. otherwise KindRenewal, ClauseAfterWait, renewing the current
//     certificate (RN-2).
//
// The current certificate is app.Replaces when set, else the certificate
// sharing a name with app with the latest NotBefore (then the latest
// NotAfter, then the last in held). A certificate or application is named
// by its subject's common name, or without one by each of its DNS names.
// Names compare as DNS names do: without
// regard to ASCII case and ignoring one trailing dot; non-ASCII runes
// compare after Unicode simple case folding, without IDNA mapping (see
// [WarnNonASCIIName]).
//
// RN-4 compares subjects as the CA compares them. When the current
// certificate carries the subject of the CSR it was issued for
// ([Held.RequestSubject]), the new CSR is compared with that CSR. Without
// it, only the attribute types both the certificate and the CSR carry are
// compared: attributes the CA dropped (organizationalUnitName, which the
// Baseline Requirements have forbidden since September 2022,
// emailAddress) or added (EV's jurisdiction fields, businessCategory and
// serialNumber) never make last year's unchanged CSR new. String types
// (PrintableString, UTF8String, BMPString, T61String), attribute order,
// multi-valued RDNs, case and repeated white space never count as a
// change. [IgnoreAttributes] leaves out types the CA rewrites.
//
// A public key shared with a held certificate is a [WarnKeyReused] warning
// (RN-7), never an error. Who applies (RN-5) and how the CSR was made
// (RN-9) do not enter the decision.
//
// Classify scans held; for many calls over large holdings, use
// [NewInventory]. It returns an [*Error] for a zero app.At
// (ReasonZeroTime), an application without a name (ReasonNoCommonName),
// an invalid p (ReasonBadPolicy), a bad option (ReasonBadOption) or a
// current certificate without the validity p's rule counts from
// (ReasonNoValidity).
func Classify(app Application, held []Held, p Policy, opts ...Option) (Decision, error) {
	name, ascii, c, err := check(app, p, opts, "Classify")
	if err != nil {
		return Decision{}, err
	}
	var cur, owner int = -1, -1
	for i := range held {
		h := &held[i]
		if hn, _ := names(&h.Subject, h.DNSNames); shareName(hn, name) {
			if cur < 0 || later(h, &held[cur]) {
				cur = i
			}
		}
		if app.PublicKey != nil && keys.Equal(h.PublicKey, app.PublicKey) {
			if owner < 0 || later(h, &held[owner]) {
				owner = i
			}
		}
	}
	l := lookup{any: len(held) > 0}
	if cur >= 0 {
		l.current = &held[cur]
	}
	if owner >= 0 {
		l.keyOwner = &held[owner]
	}
	return decide(app, p, c, name, ascii, l)
}

// check validates what every Classify needs and returns the names of app
// and the options.
func check(app Application, p Policy, opts []Option, function string) (name []string, ascii bool, c config, err error) {
	if err := p.Validate(); err != nil {
		return nil, false, c, err
	}
	if c, err = configure(forClassify, function, opts); err != nil {
		return nil, false, c, err
	}
	if app.At.IsZero() {
		return nil, false, c, &Error{Reason: ReasonZeroTime, Detail: function}
	}
	name, ascii = names(&app.Subject, app.DNSNames)
	if len(name) == 0 {
		return nil, false, c, &Error{Reason: ReasonNoCommonName, Detail: "the application has no common name and no DNS name"}
	}
	return name, ascii, c, nil
}

// later reports whether a is to be preferred over b as the current
// certificate: issued later, or issued at the same instant and expiring
// later. Callers scanning in order prefer a on a tie to get "the last".
func later(a, b *Held) bool {
	if c := a.NotBefore.Compare(b.NotBefore); c != 0 {
		return c > 0
	}
	return !a.NotAfter.Before(b.NotAfter)
}

type lookup struct {
	any      bool  // the applicant holds at least one certificate
	current  *Held // the current certificate for the name, or nil
	keyOwner *Held // the latest held certificate with app's key, or nil
}

func decide(app Application, p Policy, c config, name []string, ascii bool, l lookup) (Decision, error) {
	var d Decision
	if !ascii {
		d.Warnings = append(d.Warnings, Warning{WarnNonASCIIName, strconv.Quote(displayName(&app.Subject, app.DNSNames))})
	}
	current := l.current
	if app.Replaces != nil {
		current = app.Replaces
		l.any = true
	}
	if current != nil {
		h := *current
		d.Current = &h
	}
	// RN-7: reusing a held certificate's public key is a warning.
	if app.PublicKey != nil {
		switch {
		case current != nil && keys.Equal(current.PublicKey, app.PublicKey):
			d.Warnings = append(d.Warnings, Warning{WarnKeyReused, "the CSR's public key is that of the current certificate " + describe(current) + "; make a new key pair and CSR for every renewal"})
		case l.keyOwner != nil:
			d.Warnings = append(d.Warnings, Warning{WarnKeyReused, "the CSR's public key is that of the held certificate " + describe(l.keyOwner) + "; make a new key pair and CSR for every certificate"})
		}
	}
	if current != nil && current.NotAfter.Before(app.At) && !current.NotAfter.IsZero() {
		d.Warnings = append(d.Warnings, Warning{WarnCurrentExpired, describe(current) + " expired " + current.NotAfter.UTC().Format(time.RFC3339)})
	}
	var replaced []string
	if app.Replaces != nil {
		replaced, _ = names(&app.Replaces.Subject, app.Replaces.DNSNames)
	}
	switch {
	case app.Replaces != nil && !shareName(replaced, name):
		// RN-1: the CSR's common name differs from the previous
		// certificate's.
		d.Kind, d.Clause = KindNew, ClauseCommonNameChanged
	case !l.any:
		// RN-1: the applicant has no server certificate yet.
		d.Kind, d.Clause = KindNew, ClauseFirstCertificate
	case current == nil:
		// RN-1: no certificate for this name; nothing says the name
		// changed.
		d.Kind, d.Clause = KindNew, ClauseNoCertificateForName
	case app.Additional:
		// RN-1: an additional certificate with the same common name as one
		// already held.
		d.Kind, d.Clause = KindNew, ClauseAdditional
	default:
		// RN-4: changing any subject information makes the application
		// new, compared with what the applicant applied with last time.
		prev, common := &current.Subject, true
		if current.RequestSubject != nil {
			prev, common = current.RequestSubject, false
		}
		if ch := changedAttributes(subjectAttributes(prev, c.ignore), subjectAttributes(&app.Subject, c.ignore), common); ch != nil {
			d.Kind, d.Clause, d.Changed = KindNew, ClauseSubjectChanged, ch
			break
		}
		// RN-3, RN-11: accepted only once renewal opens.
		opens, err := p.at(p.Opens, current)
		if err != nil {
			return Decision{}, err
		}
		if app.At.Before(opens) {
			return Decision{}, &TooEarlyError{At: app.At, OpensAt: opens, Current: *current}
		}
		// RN-2: same common name, after the wait.
		d.Kind, d.Clause, d.Renews = KindRenewal, ClauseAfterWait, d.Current
	}
	if app.Additional && current == nil {
		d.Warnings = append(d.Warnings, Warning{WarnAdditionalNotHeld, strconv.Quote(displayName(&app.Subject, app.DNSNames))})
	}
	return d, nil
}

// describe names a held certificate in messages: its name and, when
// known, its serial number as [serial.Hex] writes it (colon-separated hex).
func describe(h *Held) string {
	s := strconv.Quote(displayName(&h.Subject, h.DNSNames))
	if h.SerialNumber != nil {
		s += " (serial " + serial.Hex(h.SerialNumber) + ")"
	}
	return s
}

// Inventory indexes held certificates so that [Inventory.Classify] costs
// the same whatever their number: by name (to the current certificate) and
// by public key. Build it with [NewInventory]; it is read-only afterwards
// and safe for concurrent use.
type Inventory struct {
	held   []Held
	byName map[string]int32
	byKey  map[[sha256.Size]byte]int32
}

// NewInventory indexes held. It keeps held without copying it: the caller
// must not modify the slice or its elements afterwards. Certificates
// without a name are not indexed by name, and public keys other than RSA,
// ECDSA and Ed25519 are not indexed by key. Building costs O(len(held));
// the index takes about 60 bytes per certificate beyond held itself
// (BenchmarkInventoryClassify reports it). It panics if held has more
// than 2^31-1 certificates.
func NewInventory(held []Held) *Inventory {
	if len(held) > math.MaxInt32 {
		panic("renewal: NewInventory: more than 2^31-1 certificates")
	}
	inv := &Inventory{
		held:   held,
		byName: make(map[string]int32, len(held)),
		byKey:  make(map[[sha256.Size]byte]int32),
	}
	for i := range held {
		h := &held[i]
		ns, _ := names(&h.Subject, h.DNSNames)
		for _, n := range ns {
			if j, ok := inv.byName[n]; !ok || later(h, &held[j]) {
				inv.byName[n] = int32(i)
			}
		}
		if k, ok := keyID(h.PublicKey); ok {
			if j, ok := inv.byKey[k]; !ok || later(h, &held[j]) {
				inv.byKey[k] = int32(i)
			}
		}
	}
	return inv
}

// Len returns the number of certificates in the inventory.
func (inv *Inventory) Len() int { return len(inv.held) }

// Current returns the current certificate (the latest issued) for a name,
// compared as [Classify] compares names, and whether there is one.
func (inv *Inventory) Current(name string) (Held, bool) {
	n, _ := normalizeName(name)
	i, ok := inv.byName[n]
	if !ok || n == "" {
		return Held{}, false
	}
	return inv.held[i], true
}

// Classify is [Classify] over the indexed certificates, with the same
// results, options and errors. Its cost does not grow with the number of
// certificates held.
func (inv *Inventory) Classify(app Application, p Policy, opts ...Option) (Decision, error) {
	name, ascii, c, err := check(app, p, opts, "Inventory.Classify")
	if err != nil {
		return Decision{}, err
	}
	l := lookup{any: len(inv.held) > 0}
	for _, n := range name {
		if i, ok := inv.byName[n]; ok && (l.current == nil || later(&inv.held[i], l.current)) {
			l.current = &inv.held[i]
		}
	}
	if k, ok := keyID(app.PublicKey); ok {
		if i, ok := inv.byKey[k]; ok && keys.Equal(inv.held[i].PublicKey, app.PublicKey) {
			l.keyOwner = &inv.held[i]
		}
	}
	return decide(app, p, c, name, ascii, l)
}
