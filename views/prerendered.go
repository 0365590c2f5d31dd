package views

import (
	"bytes"
	"context"
	"io"

	"github.com/a-h/templ"
)

// Prerendered is the output of one of Schakel's own components, rendered
// earlier and kept, to be sent again as it was: the plan board's cache
// keeps the board's rows this way, so that people opening the same plan
// get bytes rendered once. It is not a way to put HTML of any other origin
// into a page: its only constructor is Rendered, which renders a
// component, and its bytes cannot be set or changed from outside this
// package. The zero value renders nothing.
type Prerendered struct {
	html []byte
}

// Rendered renders c into a Prerendered, as for nobody in particular: with
// the context's translator but an empty Env, so that no one's CSRF token,
// name or rights can end up in bytes that are sent to someone else. A
// component that needs the Env (a form with its token) does not belong in
// a Prerendered, and renders without its token here.
func Rendered(ctx context.Context, c templ.Component) (Prerendered, error) {
	var buf bytes.Buffer
	if err := c.Render(WithEnv(ctx, Env{}), &buf); err != nil {
		return Prerendered{}, err
	}
	// A component that writes nothing is still rendered: not the zero value.
	return Prerendered{html: append([]byte{}, buf.Bytes()...)}, nil
}

// Render writes the kept bytes; it makes Prerendered a templ.Component.
func (p Prerendered) Render(_ context.Context, w io.Writer) error {
	_, err := w.Write(p.html)
	return err
}

// IsZero reports whether p holds nothing rendered (is the zero value).
func (p Prerendered) IsZero() bool { return p.html == nil }

// Len is the size of the kept bytes, for bounding a cache.
func (p Prerendered) Len() int { return len(p.html) }
