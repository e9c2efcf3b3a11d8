package main

// This file is the only one of renewcheck that calls package renewal; its
// functions turn renewal's values into the report's.

import (
	"crypto"
	"crypto/x509"
	"errors"
	"strconv"
	"time"

	"github.com/certlife/certlife/renewal"
	"github.com/certlife/certlife/tz"
)

// judged is what package renewal reads of a held certificate.
type judged = renewal.Held

// judge returns what package renewal reads of a certificate.
func judge(c *x509.Certificate) judged { return renewal.HeldFrom(c) }

// settings are the flags that shape renewal's policy and plans.
type settings struct {
	wait      int
	elapsed   bool
	remaining float64
	margin    time.Duration
	spread    time.Duration
}

// defaultWait and defaultRemaining are renewal's defaults, for -h.
const (
	defaultWait      = 30 // the seed CA's wait, renewal.SeedCA (RN-3)
	defaultRemaining = renewal.DefaultRemaining
)

func (s settings) policy() renewal.Policy {
	p := renewal.DefaultPolicy()
	p.Opens = renewal.When{Rule: renewal.AfterIssue, N: s.wait}
	if s.elapsed {
		p.Counting = renewal.Elapsed
	}
	return p
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
	d, err := renewal.Classify(app, hs, s.policy())
	var early *renewal.TooEarlyError
	switch {
	case errors.As(err, &early):
		o := early.OpensAt.In(tz.JST)
		rep.Decision = &decisionJSON{Kind: "too_early", Clause: "RN-3 renewal before the wait is over",
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
		o, err := renewal.OpensAt(*d.Renews, s.policy())
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

// plan says when to renew h (RN-10, TV-6) and whether, at the instant at,
// the renewal is due. Its error is a certificate renewal cannot plan for.
func plan(h *heldCert, at time.Time, s settings) (planJSON, error) {
	opts := []renewal.Option{renewal.DueWhenRemaining(s.remaining), renewal.SafetyMargin(s.margin)}
	if s.spread > 0 {
		opts = append(opts, renewal.Spread(s.spread))
	}
	sc, err := renewal.Plan(h.judged, at, s.policy(), opts...)
	if err != nil {
		return planJSON{}, err
	}
	p := planJSON{Certificate: h.name, Opens: sc.Opens.In(tz.JST), Due: sc.Due.In(tz.JST),
		Deadline: sc.Deadline.In(tz.JST), NextMaxDays: sc.Next.Limit.MaxDays, NextLimit: sc.Next.Limit.Source,
		Warnings: warnings(sc.Warnings)}
	p.State = planState(at, h.notAfter, sc.Due, sc.Deadline)
	return p, nil
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
