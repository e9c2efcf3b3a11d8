package renewal

import (
	"encoding/asn1"
	"strconv"
	"time"
)

// Option changes how [Classify], [Inventory.Classify] or [Plan] decide.
// Every function of this package that takes options takes them the same
// way, as trailing arguments; an option out of range, or given to a
// function it does not apply to, makes the function return an [*Error]
// with ReasonBadOption rather than be ignored.
//
//	Classify:  IgnoreAttributes
//	Plan:      DueWhenRemaining, SafetyMargin, Spread, SuggestedWindow, Windows
type Option struct {
	name  string
	scope scope
	err   string // what is wrong with the option's value, or ""
	apply func(*config)
}

type scope int

const (
	forClassify scope = 1 << iota
	forPlan
)

// config is what the options set.
type config struct {
	ignore    []asn1.ObjectIdentifier
	remaining float64 // 0: by lifetime (RN-10, RN-12)
	margin    time.Duration
	marginSet bool
	spread    time.Duration
	ari       *RenewalInfo
	windows   []Window
}

// configure applies opts for a function of scope s and returns the first
// option that is out of range or out of scope as an *Error.
func configure(s scope, function string, opts []Option) (config, error) {
	var c config
	for _, o := range opts {
		if o.apply == nil {
			return config{}, &Error{Reason: ReasonBadOption, Detail: "the zero Option given to " + function}
		}
		if o.err != "" {
			return config{}, &Error{Reason: ReasonBadOption, Detail: o.name + ": " + o.err}
		}
		if o.scope&s == 0 {
			return config{}, &Error{Reason: ReasonBadOption, Detail: o.name + " does not apply to " + function}
		}
		o.apply(&c)
	}
	return c, nil
}

// IgnoreAttributes makes [Classify] leave the given subject attribute
// types out of the RN-4 comparison, for a CA that rewrites them when it
// issues (a prefecture spelled "Tokyo" in the CSR and "Tokyo-to" in the
// certificate). Attributes the CA drops or adds need no option: see
// [Classify]. The common name is always compared (RN-1, RN-2).
func IgnoreAttributes(types ...asn1.ObjectIdentifier) Option {
	ts := make([]asn1.ObjectIdentifier, len(types))
	copy(ts, types)
	return Option{name: "IgnoreAttributes", scope: forClassify, apply: func(c *config) {
		c.ignore = append(c.ignore, ts...)
	}}
}

// DueWhenRemaining makes a renewal due when the given fraction of the
// certificate's lifetime is still *left*: DueWhenRemaining(1.0/3) is due
// with a third left, two thirds used. Without it, [Plan] uses
// [DefaultRemaining], or [ShortLivedRemaining] for lifetimes of
// [ShortLivedLifetime] or less (RN-12). The fraction must be greater than
// 0 and less than 1.
func DueWhenRemaining(fraction float64) Option {
	o := Option{name: "DueWhenRemaining(" + strconv.FormatFloat(fraction, 'g', -1, 64) + ")", scope: forPlan,
		apply: func(c *config) { c.remaining = fraction }}
	if !(fraction > 0 && fraction < 1) {
		o.err = "the fraction left is not between 0 and 1"
	}
	return o
}

// SafetyMargin sets how long before notAfter the deadline falls; the
// default is [DefaultSafetyMargin]. Whatever is asked, the margin never
// exceeds [MaxMarginFraction] of the lifetime (RN-12): a week before the
// end of a 6-day certificate is before it starts. The margin must not be
// negative.
func SafetyMargin(d time.Duration) Option {
	o := Option{name: "SafetyMargin(" + d.String() + ")", scope: forPlan,
		apply: func(c *config) { c.margin, c.marginSet = d, true }}
	if d < 0 {
		o.err = "the margin is negative"
	}
	return o
}

// Spread moves Due by a reproducible amount between -window/2 and
// +window/2, derived from the certificate (a SHA-256 of its serial number,
// name and notBefore), so that a fleet issued together does not renew at
// one instant, and the same certificate always gets the same Due (RN-10).
// The result is still kept within [Opens, Deadline]. It does not move a
// due instant taken from an ARI window, which is already spread. The
// window must not be negative.
func Spread(window time.Duration) Option {
	o := Option{name: "Spread(" + window.String() + ")", scope: forPlan,
		apply: func(c *config) { c.spread = window }}
	if window < 0 {
		o.err = "the window is negative"
	}
	return o
}

// SuggestedWindow makes [Plan] honour the renewal window an ACME CA
// suggested for the certificate (RN-13, RFC 9773 section 4.2): Due is an
// instant in [info.Start, info.End) derived from the certificate, or the
// plan's instant when that is already past. It overrides the fraction of
// the lifetime. The window must be one [ParseRenewalInfo] accepts (End
// after Start).
func SuggestedWindow(info RenewalInfo) Option {
	ri := info
	o := Option{name: "SuggestedWindow", scope: forPlan, apply: func(c *config) { c.ari = &ri }}
	if err := info.validate(); err != "" {
		o.err = err
	}
	return o
}

// Windows restricts when a renewal may be made to the instants every
// window allows (see [Window]): [Plan] moves Due to the next allowed
// instant before the deadline, or returns a [*ScheduleError] when there is
// none. Windows given in several options all apply.
func Windows(ws ...Window) Option {
	list := make([]Window, len(ws))
	copy(list, ws)
	o := Option{name: "Windows", scope: forPlan, apply: func(c *config) { c.windows = append(c.windows, list...) }}
	for i, w := range list {
		if w.next == nil {
			o.err = "window " + strconv.Itoa(i) + " is the zero Window"
			break
		}
		if w.err != "" {
			o.err = w.err
			break
		}
	}
	return o
}
