package main

// This file is the only one of renewcheck that calls package renewal; its
// functions turn renewal's values into the report's.

import (
	"crypto"
	"crypto/x509"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/certlife/certlife/examples/internal/cli"
	"github.com/certlife/certlife/renewal"
	"github.com/certlife/certlife/tz"
)

// judged is what package renewal reads of a held certificate.
type judged = renewal.Held

// judge returns what package renewal reads of a certificate.
func judge(c *x509.Certificate) judged { return renewal.HeldFrom(c) }

// settings are the flags that shape renewal's policy and plans. Options
// are given to renewal only for the flags given, so that renewal's own
// defaults apply otherwise: a third of the lifetime left, half for
// lifetimes of 10 days or less (RN-12), a week's margin capped at a sixth
// of the lifetime.
type settings struct {
	preset  renewal.Preset
	pol     renewal.Policy
	options []renewal.Option // -remaining, -margin, -spread, the windows
	windows []string         // the windows' names, for the report
	ari     *renewal.RenewalInfo
}

// parsePreset reads -preset: a preset's name, ignoring case ("jprs"), or
// "seed" for SeedCA.
func parsePreset(name string) (renewal.Preset, error) {
	var names []string
	for _, p := range renewal.Presets() {
		if strings.EqualFold(name, p.String()) || p == renewal.SeedCA && strings.EqualFold(name, "seed") {
			return p, nil
		}
		names = append(names, p.String())
	}
	return 0, fmt.Errorf("unknown preset %q: want one of %s", name, strings.Join(names, ", "))
}

// opensRule is the rule by which renewal opens under p: RN-3's wait after
// issue, or RN-11's window before expiry.
func opensRule(p renewal.Policy) string {
	if p.Opens.Rule == renewal.AfterIssue {
		return "RN-3"
	}
	return "RN-11"
}

// describePolicy says in one line what a policy does.
func describePolicy(p renewal.Policy) string {
	var b strings.Builder
	b.WriteString("opens " + p.Opens.String())
	if p.IssuedFrom.Rule != 0 {
		b.WriteString(", issued from " + p.IssuedFrom.String())
	}
	switch p.Term.Unit {
	case renewal.SameAsHeld:
		b.WriteString(", term as held")
	case renewal.TermDays:
		fmt.Fprintf(&b, ", term %d days", p.Term.N)
	case renewal.TermMonths:
		fmt.Fprintf(&b, ", term %d months", p.Term.N)
	}
	if p.EndOfMonth {
		b.WriteString(" to the month's end")
	}
	if p.CarryOver != renewal.CarryNone {
		b.WriteString(", " + p.CarryOver.String())
	}
	if p.MaxDays > 0 {
		fmt.Fprintf(&b, ", at most %d days", p.MaxDays)
	}
	if p.Counting == renewal.Elapsed {
		b.WriteString(", days counted as 24 hours")
	}
	return b.String()
}

// classify judges the application made with csr at the instant at against
// the held certificates (RN-1 to RN-4, RN-7) and fills rep.Decision. It
// returns the held certificate to plan for, if any, and an input error (a
// CSR renewal cannot read).
func classify(rep *report, csr *x509.CertificateRequest, additional bool, held []*heldCert, at time.Time, s settings) (*heldCert, error) {
	app, err := renewal.ApplicationFrom(csr, at)
	if err != nil {
		return nil, err
	}
	app.Additional = additional
	hs := make([]renewal.Held, len(held))
	for i, h := range held {
		hs[i] = h.judged
	}
	find := func(h renewal.Held) *heldCert {
		for _, c := range held {
			if c.judged.SerialNumber.Cmp(h.SerialNumber) == 0 && c.judged.NotBefore.Equal(h.NotBefore) &&
				c.judged.Subject.CommonName == h.Subject.CommonName {
				return c
			}
		}
		return nil
	}
	nameOf := func(h *renewal.Held) string {
		if h == nil {
			return ""
		}
		if c := find(*h); c != nil {
			return c.name
		}
		return ""
	}
	d, err := renewal.Classify(app, hs, s.pol)
	var early *renewal.TooEarlyError
	switch {
	case errors.As(err, &early):
		o := early.OpensAt.In(tz.JST)
		clause := "RN-3 renewal before the wait is over"
		if opensRule(s.pol) != "RN-3" {
			clause = "RN-11 renewal before the renewal window opens"
		}
		rep.Decision = &decisionJSON{Kind: "too_early", Clause: clause,
			Current: nameOf(&early.Current), OpensAt: &o, Message: err.Error(), Changed: []string{}, Warnings: []warningJSON{}}
		return find(early.Current), nil
	case err != nil:
		return nil, err
	}
	dj := &decisionJSON{Kind: d.Kind.String(), Clause: d.Clause.String(), Changed: d.Changed, Warnings: warnings(d.Warnings),
		Renews: nameOf(d.Renews), Current: nameOf(d.Current)}
	for _, w := range d.Warnings {
		dj.KeyReused = dj.KeyReused || w.Code == renewal.WarnKeyReused
	}
	if dj.Changed == nil {
		dj.Changed = []string{}
	}
	if d.Renews != nil {
		o, err := renewal.OpensAt(*d.Renews, s.pol)
		if err != nil {
			return nil, err
		}
		o = o.In(tz.JST)
		dj.OpensAt = &o
	}
	rep.Decision = dj
	if d.Current != nil {
		return find(*d.Current), nil
	}
	return nil, nil
}

// plan says when to renew h (RN-10 to RN-13, TV-6), what the renewal buys
// and whether, at the instant at, the renewal is due. When no schedule
// exists (renewal opens after notAfter, windows that allow nothing), the
// plan says so in State "no_schedule" and Error. Its error is input
// renewal cannot plan with (a window's calendar out of range).
func plan(h *heldCert, at time.Time, s settings) (planJSON, error) {
	opts := s.options
	if s.ari != nil {
		opts = append(opts[:len(opts):len(opts)], renewal.SuggestedWindow(*s.ari))
	}
	p := planJSON{Certificate: h.name, Warnings: []warningJSON{}}
	sc, err := renewal.Plan(h.judged, at, s.pol, opts...)
	var se *renewal.ScheduleError
	switch {
	case errors.As(err, &se):
		p.State, p.Error = "no_schedule", err.Error()
		p.advice = "it cannot be renewed under this policy: apply for a new certificate, or name the CA's policy with -preset"
		if se.Reason == renewal.ScheduleNoAllowedInstant {
			p.advice = "the renewal windows leave no instant to renew before the deadline: widen them"
		}
		return p, nil
	case err != nil:
		return planJSON{}, err
	}
	jst := func(t time.Time) *time.Time { t = t.In(tz.JST); return &t }
	p.Opens, p.Due, p.Deadline = jst(sc.Opens), jst(sc.Due), jst(sc.Deadline)
	p.DueRule, p.ShortLived = sc.DueRule.String(), sc.ShortLived
	p.NextMaxDays, p.NextLimit = sc.Next.Limit.MaxDays, sc.Next.Limit.Source
	p.Next = &nextJSON{NotBefore: *jst(sc.Next.NotBefore), NotAfter: *jst(sc.Next.NotAfter), Days: sc.Next.Days,
		CappedBy: capWord(sc.Next.Capped)}
	if s.ari != nil {
		p.ARI = &ariJSON{Start: *jst(s.ari.Start), End: *jst(s.ari.End), ExplanationURL: s.ari.ExplanationURL}
	}
	p.Warnings = warnings(sc.Warnings)
	p.State = planState(at, h.notAfter, sc.Due, sc.Deadline)
	return p, nil
}

// capWord names the limit that cut the next certificate: "" (none), "CA
// maximum", "TV-6 limit".
func capWord(c renewal.Cap) string {
	if c == renewal.CapNone {
		return ""
	}
	return c.String()
}

// ariID returns the ACME Renewal Information identifier of c (RN-13, RFC
// 9773 section 4.1), or "" for a certificate without an authority key
// identifier.
func ariID(c *x509.Certificate) string {
	id, err := renewal.ARICertID(c)
	if err != nil {
		return ""
	}
	return id
}

// planState says where the instant at stands in a plan: "not_due",
// "due" (renew now), "past_deadline" (renew at once) or "expired".
func planState(at, notAfter, due, deadline time.Time) string {
	switch {
	case at.After(notAfter):
		return "expired"
	case !at.Before(deadline) && !deadline.IsZero():
		return "past_deadline"
	case !at.Before(due) && !due.IsZero():
		return "due"
	}
	return "not_due"
}

// pair pairs keys with certificates (RN-8) and fills rep.Pairing. keys
// that could not be read (encrypted) are named in notRead.
func pair(certs []*heldCert, keys []*heldKey, notRead []string) *pairingJSON {
	cs := make([]*x509.Certificate, len(certs))
	for i, h := range certs {
		cs[i] = h.cert
	}
	ks := make([]crypto.PrivateKey, len(keys))
	for i, k := range keys {
		ks[i] = k.key
	}
	p := renewal.PairKeys(cs, ks)
	pj := &pairingJSON{Pairs: []pairJSON{}, OrphanCerts: []string{}, OrphanKeys: []string{}, Unsupported: []string{},
		NotRead: notRead, Diagnosis: causeWord(p.Diagnosis), Advice: p.Diagnosis.String()}
	for _, pr := range p.Pairs {
		pj.Pairs = append(pj.Pairs, pairJSON{certs[pr.Cert].name, keys[pr.Key].name})
	}
	for _, i := range p.OrphanCerts {
		pj.OrphanCerts = append(pj.OrphanCerts, certs[i].name)
	}
	for _, i := range p.OrphanKeys {
		pj.OrphanKeys = append(pj.OrphanKeys, keys[i].name)
	}
	for _, i := range p.Unsupported {
		pj.Unsupported = append(pj.Unsupported, keys[i].name)
	}
	if len(notRead) > 0 && len(pj.OrphanCerts) > 0 {
		// A certificate without a key may belong to a key that was not
		// read: RN-8's diagnosis cannot be made.
		pj.Diagnosis = "undetermined"
		pj.Advice = "RN-8 cannot tell: " + strconv.Itoa(len(notRead)) + " key file(s) could not be read (encrypted), " +
			"and a certificate has no key among those read; decrypt the keys (openssl pkey -in FILE) and run again"
	}
	pj.ok = p.Diagnosis == renewal.CauseNone
	return pj
}

func warnings(ws []renewal.Warning) []warningJSON {
	out := []warningJSON{}
	for _, w := range ws {
		out = append(out, warningJSON{w.Code.String(), w.Detail})
	}
	return out
}

func causeWord(c renewal.Cause) string {
	switch c {
	case renewal.CauseNone:
		return "none"
	case renewal.CauseKeyOverwritten:
		return "key_overwritten"
	case renewal.CauseConfigNewKey:
		return "config_new_key"
	}
	return strconv.Itoa(int(c))
}

// flagValues are the flags that shape the policy and the plans, as given;
// set names the flags given on the command line.
type flagValues struct {
	preset, remaining, margin, spread, businessHours string
	wait                                             int
	elapsed, yearEnd                                 bool
	maintenance                                      []string
	set                                              map[string]bool
}

// newSettings turns the flags into renewal's policy and options; its error
// names the flag.
func newSettings(f flagValues) (settings, error) {
	var s settings
	var err error
	if s.preset, err = parsePreset(f.preset); err != nil {
		return s, fmt.Errorf("-preset: %v", err)
	}
	s.pol = s.preset.Policy()
	if f.set["wait"] {
		s.pol.Opens = renewal.When{Rule: renewal.AfterIssue, N: f.wait}
	}
	if f.elapsed {
		s.pol.Counting = renewal.Elapsed
	}
	if err := s.pol.Validate(); err != nil {
		return s, fmt.Errorf("-wait: %v", err)
	}
	if f.set["remaining"] {
		r, err := cli.ParseFraction(f.remaining)
		if err != nil {
			return s, fmt.Errorf("-remaining: %v", err)
		}
		s.options = append(s.options, renewal.DueWhenRemaining(r))
	}
	if f.set["margin"] {
		m, err := cli.ParseDuration(f.margin)
		if err != nil {
			return s, fmt.Errorf("-margin: %v", err)
		}
		s.options = append(s.options, renewal.SafetyMargin(m))
	}
	if f.spread != "" {
		d, err := cli.ParseDuration(f.spread)
		if err != nil {
			return s, fmt.Errorf("-spread: %v", err)
		}
		s.options = append(s.options, renewal.Spread(d))
	}
	var ws []renewal.Window
	if f.businessHours != "" {
		open, close, err := parseHours(f.businessHours)
		if err != nil {
			return s, fmt.Errorf("-business-hours: %v", err)
		}
		ws = append(ws, renewal.BusinessHours(tz.BusinessCalendar{}, open, close, tz.JST))
	}
	if f.yearEnd {
		ws = append(ws, renewal.NotOn("year-end closing", tz.YearEndClosing(), tz.JST))
	}
	if len(f.maintenance) > 0 {
		spans := make([]renewal.Span, len(f.maintenance))
		for i, m := range f.maintenance {
			if spans[i], err = parseSpan(m); err != nil {
				return s, fmt.Errorf("-maintenance %s: %v", m, err)
			}
		}
		ws = append(ws, renewal.NotDuring("maintenance", spans...))
	}
	if len(ws) > 0 {
		s.options = append(s.options, renewal.Windows(ws...))
		for _, w := range ws {
			s.windows = append(s.windows, w.String())
		}
	}
	return s, nil
}

// parseHours reads "10:00-17:00": business hours in JST, open included,
// close excluded, within 00:00 and 24:00.
func parseHours(text string) (open, close time.Duration, err error) {
	a, b, ok := strings.Cut(text, "-")
	if !ok {
		return 0, 0, fmt.Errorf("%q: want HH:MM-HH:MM, e.g. 10:00-17:00", text)
	}
	if open, err = parseClock(a); err != nil {
		return 0, 0, err
	}
	if close, err = parseClock(b); err != nil {
		return 0, 0, err
	}
	if open >= close {
		return 0, 0, fmt.Errorf("%q: the hours close before they open", text)
	}
	return open, close, nil
}

// parseClock reads "HH:MM", 00:00 to 24:00, as an offset from midnight.
func parseClock(text string) (time.Duration, error) {
	h, m, ok := strings.Cut(text, ":")
	hh, err1 := strconv.Atoi(h)
	mm, err2 := strconv.Atoi(m)
	if !ok || len(h) != 2 || len(m) != 2 || err1 != nil || err2 != nil || hh > 24 || mm > 59 || hh == 24 && mm != 0 {
		return 0, fmt.Errorf("%q is not a time of day HH:MM from 00:00 to 24:00", text)
	}
	return time.Duration(hh)*time.Hour + time.Duration(mm)*time.Minute, nil
}

// parseSpan reads "START/END", two instants tz.Parse reads, the end
// excluded.
func parseSpan(text string) (renewal.Span, error) {
	a, b, ok := strings.Cut(text, "/")
	if !ok {
		return renewal.Span{}, fmt.Errorf("want START/END, e.g. 2026-09-15T22:00:00+09:00/2026-09-16T08:00:00+09:00")
	}
	start, err := tz.Parse(a)
	if err != nil {
		return renewal.Span{}, err
	}
	end, err := tz.Parse(b)
	if err != nil {
		return renewal.Span{}, err
	}
	if !end.After(start) {
		return renewal.Span{}, fmt.Errorf("the end is not after the start")
	}
	return renewal.Span{Start: start, End: end}, nil
}

// parseARI reads a renewalInfo object (RN-13, RFC 9773 section 4.2), as
// the CA's renewalInfo endpoint returns it for a certificate.
func parseARI(data []byte) (*renewal.RenewalInfo, error) {
	ri, err := renewal.ParseRenewalInfo(data)
	if err != nil {
		return nil, err
	}
	return &ri, nil
}
