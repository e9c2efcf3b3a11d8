package pkce

// BER to DER, bounded (PK-4).
//
// NSS (pk12util, Firefox and Chrome-on-Linux backups) and Bouncy Castle's
// default KeyStore.store() write PKCS#12 in BER: indefinite lengths
// (X.690 section 8.1.3.6) and OCTET STRINGs split into constructed chunks
// (section 8.7.3), at every level, including inside the OCTET STRINGs that
// carry the next level. The parser of this package reads DER with
// cryptobyte; berReader turns each level into DER first. It only rewrites
// the encoding: indefinite lengths become definite, non-minimal lengths
// minimal, constructed universal strings primitive. It does not look
// inside primitive OCTET STRINGs (the parser calls it again on each level
// it opens), and leaves context-specific constructed elements alone, since
// without the schema it cannot tell [0] EXPLICIT from [0] IMPLICIT OCTET
// STRING; the parser concatenates the one IMPLICIT case of PKCS#12
// (EncryptedContentInfo's encryptedContent) itself.
//
// Bounds: one pass to check the input (and find that it is DER already,
// the common case, at no allocation), one to write the DER; elements at
// most Limits.maxElements per file and nesting at most
// Limits.maxASN1Depth, both checked during the first pass, so that a
// hostile BER file (elements nested a million deep, indefinite lengths
// never closed, a constructed string of a million chunks) is refused
// after at most maxElements steps and costs no more than a DER file
// within the same limits.

// berReader keeps the per-file element budget across levels.
type berReader struct {
	maxDepth  int
	elemLeft  int
	elemLimit int
}

func newBERReader(l Limits) *berReader {
	return &berReader{maxDepth: l.maxASN1Depth(), elemLeft: l.maxElements(), elemLimit: l.maxElements()}
}

// normalize returns the DER form of the element at the start of data,
// followed by whatever bytes follow it (for the caller's parser to
// refuse), and how deep the deepest BER construct sat (1 for the element
// itself; 0 when the input was DER, which is returned as is).
func (r *berReader) normalize(data []byte, where string) ([]byte, int, error) {
	s := berScan{data: data, r: r, where: where}
	end, size, err := s.element(0, len(data), 1)
	if err != nil {
		return nil, 0, err
	}
	if s.changed == 0 {
		return data, 0, nil
	}
	out := make([]byte, 0, size+len(data)-end)
	out, _ = s.emit(out, 0)
	return append(out, data[end:]...), s.changed, nil
}

type berScan struct {
	data    []byte
	r       *berReader
	where   string
	lens    []int // DER content length of each constructed element, in pre-order
	pos     int   // emit's position in lens
	changed int   // depth of the deepest BER construct, 0 for none
}

type berHeader struct {
	tagLen, hdrLen int
	tag            byte // first identifier octet
	indef          bool
	length         int // content length, when definite
	minimal        bool
}

func (h berHeader) constructed() bool { return h.tag&0x20 != 0 }

// isString reports whether a constructed element with this identifier is
// a universal string type that DER requires to be primitive (X.690
// section 10.2): OCTET STRING and the character strings.
func isString(tag byte) bool {
	if tag&0xe0 != 0x20 { // universal, constructed
		return false
	}
	switch tag & 0x1f {
	case 4, 12, 18, 19, 20, 21, 22, 25, 26, 27, 28, 30:
		return true
	}
	return false
}

func (s *berScan) truncated(detail string) error {
	return &FormatError{Where: s.where, Reason: ReasonTruncated, Detail: detail}
}

func (s *berScan) syntax(detail string) error {
	return &FormatError{Where: s.where, Reason: ReasonSyntax, Detail: detail}
}

// header reads the identifier and length octets at off; limit is the end
// of the enclosing content.
func (s *berScan) header(off, limit int) (berHeader, error) {
	d := s.data[off:limit]
	var h berHeader
	if len(d) < 2 {
		if limit == len(s.data) {
			return h, s.truncated("an ASN.1 element is cut short")
		}
		return h, s.syntax("an ASN.1 element overruns its container")
	}
	h.tag = d[0]
	i := 1
	if d[0]&0x1f == 0x1f { // high tag number form (X.690 8.1.2.4)
		for {
			if i >= len(d) {
				return h, s.truncated("an ASN.1 tag is cut short")
			}
			b := d[i]
			i++
			if b&0x80 == 0 {
				break
			}
			if i > 5 {
				return h, s.syntax("an ASN.1 tag number is too large")
			}
		}
	}
	h.tagLen = i
	if i >= len(d) {
		return h, s.truncated("an ASN.1 length is missing")
	}
	l := d[i]
	i++
	switch {
	case l == 0x80:
		if !h.constructed() {
			return h, s.syntax("indefinite length on a primitive element")
		}
		h.indef = true
	case l < 0x80:
		h.length, h.minimal = int(l), true
	default:
		n := int(l & 0x7f)
		if n > 4 {
			return h, s.syntax("an ASN.1 length of more than 4 bytes")
		}
		if i+n > len(d) {
			return h, s.truncated("an ASN.1 length is cut short")
		}
		v := 0
		for _, b := range d[i : i+n] {
			v = v<<8 | int(b)
		}
		h.length, h.minimal = v, v >= 0x80 && d[i] != 0
		i += n
	}
	h.hdrLen = i
	if !h.indef && h.length > len(d)-i {
		if limit == len(s.data) {
			return h, s.truncated("an ASN.1 length runs past the end of the input")
		}
		return h, s.syntax("an ASN.1 element overruns its container")
	}
	return h, nil
}

// count charges one element against the file's budget.
func (s *berScan) count(depth int) error {
	if s.r.elemLeft <= 0 {
		return &LimitError{Where: s.where, Limit: "Elements", Count: int64(s.r.elemLimit) + 1, Max: int64(s.r.elemLimit)}
	}
	s.r.elemLeft--
	if depth > s.r.maxDepth {
		return &LimitError{Where: s.where, Limit: "Nesting", Count: int64(depth), Max: int64(s.r.maxDepth)}
	}
	return nil
}

func derLenLen(n int) int {
	switch {
	case n < 0x80:
		return 1
	case n < 0x100:
		return 2
	case n < 0x10000:
		return 3
	case n < 0x1000000:
		return 4
	}
	return 5
}

func isEOC(d []byte, p, limit int) bool { return p+1 < limit && d[p] == 0 && d[p+1] == 0 }

// children visits the elements of a constructed element's content, up to
// its end-of-contents octets for indefinite lengths. It returns the
// offset after the content (and the end-of-contents octets).
func (s *berScan) children(h berHeader, off, limit int, f func(p, end int) (int, error)) (int, error) {
	p := off + h.hdrLen
	end := limit
	if !h.indef {
		end = p + h.length
	}
	for {
		if h.indef {
			if isEOC(s.data, p, end) {
				return p + 2, nil
			}
			if p >= end {
				if end == len(s.data) {
					return 0, s.truncated("an indefinite length is never closed")
				}
				return 0, s.syntax("an indefinite length is not closed in its container")
			}
		} else if p >= end {
			return end, nil
		}
		next, err := f(p, end)
		if err != nil {
			return 0, err
		}
		p = next
	}
}

// element checks the element at off and returns the offset after it and
// the size of its DER encoding.
func (s *berScan) element(off, limit, depth int) (int, int, error) {
	if err := s.count(depth); err != nil {
		return 0, 0, err
	}
	h, err := s.header(off, limit)
	if err != nil {
		return 0, 0, err
	}
	if h.indef || !h.minimal {
		s.changed = max(s.changed, depth)
	}
	if !h.constructed() {
		return off + h.hdrLen + h.length, h.tagLen + derLenLen(h.length) + h.length, nil
	}
	idx := len(s.lens)
	s.lens = append(s.lens, 0)
	content := 0
	var next int
	if isString(h.tag) {
		s.changed = max(s.changed, depth)
		next, err = s.children(h, off, limit, func(p, end int) (int, error) {
			n, size, err := s.chunk(h.tag, p, end, depth+1)
			content += size
			return n, err
		})
	} else {
		next, err = s.children(h, off, limit, func(p, end int) (int, error) {
			n, size, err := s.element(p, end, depth+1)
			content += size
			return n, err
		})
	}
	if err != nil {
		return 0, 0, err
	}
	s.lens[idx] = content
	return next, h.tagLen + derLenLen(content) + content, nil
}

// chunk checks one segment of a constructed string (X.690 8.7.3: each is
// an element of the same type, primitive or itself constructed) and
// returns the offset after it and its content length.
func (s *berScan) chunk(tag byte, off, limit, depth int) (int, int, error) {
	if err := s.count(depth); err != nil {
		return 0, 0, err
	}
	h, err := s.header(off, limit)
	if err != nil {
		return 0, 0, err
	}
	switch h.tag {
	case tag &^ 0x20:
		return off + h.hdrLen + h.length, h.length, nil
	case tag:
		content := 0
		next, err := s.children(h, off, limit, func(p, end int) (int, error) {
			n, size, err := s.chunk(tag, p, end, depth+1)
			content += size
			return n, err
		})
		return next, content, err
	}
	return 0, 0, s.syntax("a constructed string holds an element of another type")
}

func appendDERLen(out []byte, n int) []byte {
	if n < 0x80 {
		return append(out, byte(n))
	}
	k := derLenLen(n) - 1
	out = append(out, 0x80|byte(k))
	for i := k - 1; i >= 0; i-- {
		out = append(out, byte(n>>(8*i)))
	}
	return out
}

// emit writes the DER form of the element at off, which element checked,
// and returns the offset after it.
func (s *berScan) emit(out []byte, off int) ([]byte, int) {
	h, _ := s.header(off, len(s.data))
	if !h.constructed() {
		out = append(out, s.data[off:off+h.tagLen]...)
		out = appendDERLen(out, h.length)
		p := off + h.hdrLen
		return append(out, s.data[p:p+h.length]...), p + h.length
	}
	content := s.lens[s.pos]
	s.pos++
	if isString(h.tag) {
		out = append(out, h.tag&^0x20)
		out = appendDERLen(out, content)
		return s.emitChunks(out, off, h)
	}
	out = append(out, s.data[off:off+h.tagLen]...)
	out = appendDERLen(out, content)
	next, _ := s.children(h, off, len(s.data), func(p, _ int) (int, error) {
		var n int
		out, n = s.emit(out, p)
		return n, nil
	})
	return out, next
}

func (s *berScan) emitChunks(out []byte, off int, h berHeader) ([]byte, int) {
	next, _ := s.children(h, off, len(s.data), func(p, _ int) (int, error) {
		c, _ := s.header(p, len(s.data))
		if c.constructed() {
			var n int
			out, n = s.emitChunks(out, p, c)
			return n, nil
		}
		q := p + c.hdrLen
		out = append(out, s.data[q:q+c.length]...)
		return q + c.length, nil
	})
	return out, next
}
