package demo

import (
	"context"
	"time"

	"github.com/uptrace/bun"

	"schakel/app/store"
)

// seedGuide gives one article of the children's-rights guide a second
// version by the demo's reviewer, so that its history shows what an edit
// looks like. It adds nothing once the article has one.
func seedGuide(ctx context.Context, tx bun.Tx, userIDs map[string]int64, now time.Time) error {
	current, err := store.GuideText(ctx, tx, "ivrk-19", "nl")
	if err != nil || current.Version > 1 {
		return err
	}
	by := userIDs["lotte.visser@defenceforchildren.example"]
	next := *current
	next.ID, next.Version, next.CreatedBy, next.Author, next.CreatedAt = 0, 2, &by, nil, now
	next.Signalling += "\nBespreken we in het netwerkoverleg elk kwartaal welke signalen er waren en wat ermee is gebeurd?"
	return store.AddGuideVersion(ctx, tx, &next)
}
