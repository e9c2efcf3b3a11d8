package renewal

import (
	"crypto/sha256"
	"encoding/asn1"
	"math"
	"strconv"
	"time"

	"github.com/certlife/certlife/internal/keys"
	"github.com/certlife/certlife/tz"
)

// DefaultWait is the number of days RN-3 makes a renewal wait after the
// current certificate was issued.
const DefaultWait = 30

// Counting says how [OpensAt] counts the wait of RN-3.
type Counting int

const (
	// CivilDays counts whole days in a zone as Japanese civil law does
	// (Civil Code arts. 140 and 141, the default of RN-3): the day of issue
	// is not counted and the wait is over at the end of its last day. A
	// certificate issued on day D can be renewed from 00:00 of day D+31
	// with the default wait of 30 days, whatever the hour of issue.
	CivilDays Counting = iota
	// Elapsed counts exact durations: the wait is over Wait×24 hours after
	// the issue instant, to the nanosecond.
	Elapsed
)

// String returns "CivilDays" or "Elapsed".
func (c Counting) String() string {
	switch c {
	case CivilDays:
		return "CivilDays"
	case Elapsed:
		return "Elapsed"
	}
	return "Counting(" + strconv.Itoa(int(c)) + ")"
}

// Policy holds the choices the rules leave to the CA. The zero Policy means
// the defaults: a wait of [DefaultWait] days counted in [CivilDays] in JST,
// which is also what [DefaultPolicy] spells out.
type Policy struct {
	// Wait is the number of days after issue before a renewal is accepted
	// (RN-3). Zero means DefaultWait; negative is invalid.
	Wait int
	// Counting says how the days of Wait are counted. The zero value is
	// CivilDays.
	Counting Counting
	// Zone is the zone in which CivilDays counts days. Nil means JST
	// ([tz.JST]); the host's local zone is never used.
	Zone *time.Location
	// IgnoreAttributes lists subject attribute types that RN-4 does not
	// compare. RN-4 counts a change of any subject information, so the
	// default (nil) compares them all; a CA that drops attributes from
	// the CSR when it issues, such as organizationalUnitName (2.5.4.11),
	// which the Baseline Requirements no longer allow in subscriber
	// certificates, lists them here so that last year's CSR subject still
	// matches the certificate issued for it. The common name is always
	// compared, by RN-1 and RN-2.
	IgnoreAttributes []asn1.ObjectIdentifier
}

// DefaultPolicy returns the policy of the source FAQ (RN-3): a wait of 30
// days, counted as civil days in JST. It equals the zero Policy in effect.
func DefaultPolicy() Policy {
	return Policy{Wait: DefaultWait, Counting: CivilDays, Zone: tz.JST}
}

// Validate returns an [*Error] with ReasonBadPolicy if p has a negative
// Wait or an unknown Counting, and nil otherwise.
func (p Policy) Validate() error {
	if p.Wait < 0 {
		return &Error{Reason: ReasonBadPolicy, Detail: "Wait " + strconv.Itoa(p.Wait) + " days"}
	}
	if p.Counting != CivilDays && p.Counting != Elapsed {
		return &Error{Reason: ReasonBadPolicy, Detail: p.Counting.String()}
	}
	return nil
}

func (p Policy) wait() int {
	if p.Wait <= 0 {
		return DefaultWait
	}
	return p.Wait
}

func (p Policy) zone() *time.Location {
	if p.Zone == nil {
		return tz.JST
	}
	return p.Zone
}

// OpensAt returns the first instant at which a renewal of a certificate
// issued at issued (its notBefore) is accepted (RN-3). Under [CivilDays] it
// is tz.DaysAfter(tz.DateOf(issued, zone), Wait).EndIn(zone): a certificate
// issued 2011-12-10T00:00:00Z (09:00 JST) opens for renewal at
// 2012-01-10T00:00:00+09:00. Under [Elapsed] it is issued plus Wait×24h.
//
// A renewal applied for at t is accepted iff !t.Before(OpensAt(...)).
// OpensAt does not validate p: a Wait that is not positive counts as
// DefaultWait and an unknown Counting as CivilDays; [Classify] refuses
// both.
func OpensAt(issued time.Time, p Policy) time.Time {
	if p.Counting == Elapsed {
		return issued.Add(time.Duration(p.wait()) * 24 * time.Hour)
	}
	// RN-3: "accepted only after 30 days have passed since the current
	// certificate was issued", counted as Civil Code arts. 140-141 count:
	// the day of issue is not counted, the period ends at the end of its
	// last day.
	z := p.zone()
	return tz.DaysAfter(tz.DateOf(issued, z), p.wait()).EndIn(z)
}

// Kind is the category of an application: new or renewal.
type Kind int

const (
	// New is a new application (RN-1, RN-4).
	New Kind = iota + 1
	// Renewal is a renewal application (RN-2).
	Renewal
)

// String returns "new" or "renewal".
func (k Kind) String() string {
	switch k {
	case New:
		return "new"
	case Renewal:
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
	// ClauseCommonNameChanged results when the applicant holds
	// certificates but none for the application's common name (RN-1):
	// new.
	ClauseCommonNameChanged
	// ClauseAdditional results when the application asks for an additional
	// certificate for a common name already held (RN-1): new.
	ClauseAdditional
	// ClauseSubjectChanged results when the common name is the current
	// certificate's but another subject attribute differs (RN-4): new.
	ClauseSubjectChanged
	// ClauseAfterWait results when the common name and the rest of the
	// subject are the current certificate's and the wait of RN-3 is over
	// (RN-2): renewal.
	ClauseAfterWait
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
	}
	return "Clause(" + strconv.Itoa(int(c)) + ")"
}

// Decision is the outcome of [Classify].
type Decision struct {
	// Kind is New or Renewal.
	Kind Kind
	// Reason is the clause that decided Kind.
	Reason Clause
	// Renews is the certificate a Renewal renews; nil for New. It is a
	// copy, not a pointer into the caller's slice.
	Renews *Held
	// Current is the current certificate for the application's common name
	// (the latest issued), whatever the Kind; nil when none is held. It is
	// a copy.
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
	// WarnWindowClamped results from [Plan] when the due instant for the
	// fraction left, or the deadline, falls before renewal opens (RN-3) and
	// was moved to Opens: the wait leaves too little of a short lifetime.
	// A 47-day certificate opens for renewal after about 31 of its days.
	WarnWindowClamped
	// WarnBadOption results from [Plan] when an option is out of range and
	// was clamped or ignored.
	WarnBadOption
	// WarnNoValidity results from [Plan] when the certificate has a zero
	// notBefore or notAfter, or notAfter before notBefore.
	WarnNoValidity
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
	case WarnBadOption:
		return "option out of range"
	case WarnNoValidity:
		return "no validity period"
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

// Classify decides whether app is a new application or a renewal, given
// the certificates the applicant holds, and in what order the rules apply:
//
//  1. no certificate held: New, ClauseFirstCertificate (RN-1);
//  2. none held for app's common name: New, ClauseCommonNameChanged (RN-1);
//  3. app.Additional: New, ClauseAdditional (RN-1);
//  4. another subject attribute differs from the current certificate's:
//     New, ClauseSubjectChanged (RN-4);
//  5. before [OpensAt] of the current certificate: a [*TooEarlyError]
//     matching [ErrTooEarly] (RN-3);
//  6. otherwise Renewal, ClauseAfterWait, renewing the current certificate
//     (RN-2).
//
// The current certificate for a common name is the one with the latest
// NotBefore (then the latest NotAfter, then the last in held). Common names
// compare as DNS names do: without regard to ASCII case and ignoring one
// trailing dot; non-ASCII runes compare after Unicode simple case folding,
// without IDNA mapping (see [WarnNonASCIIName]). Subject attributes compare
// without regard to order, case and repeated white space.
//
// A public key shared with a held certificate is a [WarnKeyReused] warning
// (RN-7), never an error. Who applies (RN-5) and how the CSR was made
// (RN-9) do not enter the decision.
//
// Classify scans held; for many calls over large holdings, use
// [NewInventory]. It returns an [*Error] for a zero app.At
// (ReasonZeroTime), an empty common name (ReasonNoCommonName) or an invalid
// p (ReasonBadPolicy).
func Classify(app Application, held []Held, p Policy) (Decision, error) {
	name, ascii, err := check(app, p)
	if err != nil {
		return Decision{}, err
	}
	var cur, owner int = -1, -1
	for i := range held {
		h := &held[i]
		if n, _ := normalizeName(h.Subject.CommonName); n == name {
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
	return decide(app, p, ascii, l)
}

// check validates what every Classify needs and returns the normalized
// common name of app.
func check(app Application, p Policy) (name string, ascii bool, err error) {
	if err := p.Validate(); err != nil {
		return "", false, err
	}
	if app.At.IsZero() {
		return "", false, &Error{Reason: ReasonZeroTime}
	}
	name, ascii = normalizeName(app.Subject.CommonName)
	if name == "" {
		return "", false, &Error{Reason: ReasonNoCommonName}
	}
	return name, ascii, nil
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

func decide(app Application, p Policy, ascii bool, l lookup) (Decision, error) {
	var d Decision
	if !ascii {
		d.Warnings = append(d.Warnings, Warning{WarnNonASCIIName, strconv.Quote(app.Subject.CommonName)})
	}
	if l.current != nil {
		c := *l.current
		d.Current = &c
	}
	// RN-7: reusing a held certificate's public key is a warning.
	if app.PublicKey != nil {
		switch {
		case l.current != nil && keys.Equal(l.current.PublicKey, app.PublicKey):
			d.Warnings = append(d.Warnings, Warning{WarnKeyReused, "the CSR's public key is that of the current certificate " + describe(l.current) + "; make a new key pair and CSR for every renewal"})
		case l.keyOwner != nil:
			d.Warnings = append(d.Warnings, Warning{WarnKeyReused, "the CSR's public key is that of the held certificate " + describe(l.keyOwner) + "; make a new key pair and CSR for every certificate"})
		}
	}
	if l.current != nil && l.current.NotAfter.Before(app.At) && !l.current.NotAfter.IsZero() {
		d.Warnings = append(d.Warnings, Warning{WarnCurrentExpired, describe(l.current) + " expired " + l.current.NotAfter.UTC().Format(time.RFC3339)})
	}
	switch {
	case !l.any:
		// RN-1: the applicant has no server certificate yet.
		d.Kind, d.Reason = New, ClauseFirstCertificate
	case l.current == nil:
		// RN-1: the CSR's common name differs from the previous
		// certificate's.
		d.Kind, d.Reason = New, ClauseCommonNameChanged
	case app.Additional:
		// RN-1: an additional certificate with the same common name as one
		// already held.
		d.Kind, d.Reason = New, ClauseAdditional
	default:
		// RN-4: changing any subject information makes the application
		// new.
		if ch := changedAttributes(l.current.Subject, app.Subject, p.IgnoreAttributes); ch != nil {
			d.Kind, d.Reason, d.Changed = New, ClauseSubjectChanged, ch
			break
		}
		// RN-3: accepted only after the wait.
		if opens := OpensAt(l.current.NotBefore, p); app.At.Before(opens) {
			return Decision{}, &TooEarlyError{At: app.At, OpensAt: opens, Current: *l.current}
		}
		// RN-2: same common name, after the wait.
		d.Kind, d.Reason, d.Renews = Renewal, ClauseAfterWait, d.Current
	}
	if app.Additional && l.current == nil {
		d.Warnings = append(d.Warnings, Warning{WarnAdditionalNotHeld, strconv.Quote(app.Subject.CommonName)})
	}
	return d, nil
}

// describe names a held certificate in messages: its common name and, when
// known, its serial number in hexadecimal.
func describe(h *Held) string {
	s := strconv.Quote(h.Subject.CommonName)
	if h.SerialNumber != nil {
		s += " (serial " + h.SerialNumber.Text(16) + ")"
	}
	return s
}

// Inventory indexes held certificates so that [Inventory.Classify] costs
// the same whatever their number: by normalized common name (to the
// current certificate) and by public key. Build it with [NewInventory]; it
// is read-only afterwards and safe for concurrent use.
type Inventory struct {
	held   []Held
	byName map[string]int32
	byKey  map[[sha256.Size]byte]int32
}

// NewInventory indexes held. It keeps held without copying it: the caller
// must not modify the slice or its elements afterwards. Certificates with
// an empty common name are not indexed by name, and public keys other than
// RSA, ECDSA and Ed25519 are not indexed by key.
// Building costs O(len(held)). It panics if held has more than 2^31-1
// certificates.
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
		if n, _ := normalizeName(h.Subject.CommonName); n != "" {
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

// Current returns the current certificate (the latest issued) for a common
// name, compared as [Classify] compares them, and whether there is one.
func (inv *Inventory) Current(commonName string) (Held, bool) {
	n, _ := normalizeName(commonName)
	i, ok := inv.byName[n]
	if !ok || n == "" {
		return Held{}, false
	}
	return inv.held[i], true
}

// Classify is [Classify] over the indexed certificates, with the same
// results and errors. Its cost does not grow with the number of
// certificates held.
func (inv *Inventory) Classify(app Application, p Policy) (Decision, error) {
	name, ascii, err := check(app, p)
	if err != nil {
		return Decision{}, err
	}
	l := lookup{any: len(inv.held) > 0}
	if i, ok := inv.byName[name]; ok {
		l.current = &inv.held[i]
	}
	if k, ok := keyID(app.PublicKey); ok {
		if i, ok := inv.byKey[k]; ok && keys.Equal(inv.held[i].PublicKey, app.PublicKey) {
			l.keyOwner = &inv.held[i]
		}
	}
	return decide(app, p, ascii, l)
}
