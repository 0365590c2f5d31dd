package views

import (
	"context"
	"io"

	"github.com/a-h/templ"
)

// A plan page repeats the same few words for every row: the cells' labels,
// the statuses, the months of the due dates. Looking each up in the
// translator again costs more than the rest of a row together, so a render
// of many rows remembers them.

type rowTextKey struct{}

// rowTexts are the texts of one render, by message id (or "date:" and a
// date). A render runs on one goroutine, so it needs no lock.
type rowTexts map[string]string

// withRowTexts renders c remembering the texts of its rows.
func withRowTexts(c templ.Component) templ.Component {
	return templ.ComponentFunc(func(ctx context.Context, w io.Writer) error {
		if _, ok := ctx.Value(rowTextKey{}).(rowTexts); !ok {
			ctx = context.WithValue(ctx, rowTextKey{}, rowTexts{})
		}
		return c.Render(ctx, w)
	})
}

// rowText is T(ctx, id) for a message without arguments, remembered when
// the render remembers.
func rowText(ctx context.Context, id string) string {
	return remembered(ctx, id, func() string { return T(ctx, id) })
}

// rowEnum is Enum(ctx, prefix, value), remembered likewise.
func rowEnum(ctx context.Context, prefix, value string) string {
	return remembered(ctx, prefix+"."+value, func() string { return Enum(ctx, prefix, value) })
}

// rowDate is FormatDate(ctx, date), remembered likewise.
func rowDate(ctx context.Context, date string) string {
	return remembered(ctx, "date:"+date, func() string { return FormatDate(ctx, date) })
}

func remembered(ctx context.Context, key string, text func() string) string {
	texts, ok := ctx.Value(rowTextKey{}).(rowTexts)
	if !ok {
		return text()
	}
	s, ok := texts[key]
	if !ok {
		s = text()
		texts[key] = s
	}
	return s
}
