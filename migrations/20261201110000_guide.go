package migrations

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/uptrace/bun"
)

// guideVersion20261201 is a frozen copy of one version of an article of
// the children's-rights guide in one language. Every save adds a row; the
// highest version is the text in force.
type guideVersion20261201 struct {
	bun.BaseModel `bun:"table:guide_versions"`

	ID            int64     `bun:"id,pk,autoincrement"`
	Article       string    `bun:"article,notnull"`
	Lang          string    `bun:"lang,notnull"`
	Version       int       `bun:"version,notnull"`
	Title         string    `bun:"title,notnull"`
	Explanation   string    `bun:"explanation,notnull"`
	Prevention    string    `bun:"prevention,notnull"`
	Signalling    string    `bun:"signalling,notnull"`
	Investigation string    `bun:"investigation,notnull"`
	Care          string    `bun:"care,notnull"`
	CreatedBy     *int64    `bun:"created_by"`
	CreatedAt     time.Time `bun:"created_at,notnull"`
}

// guideSeed20261201 is the first text of one article in one language: the
// questions per pillar as lists, stored one per line.
type guideSeed20261201 struct {
	article, lang, title, explanation           string
	prevention, signalling, investigation, care []string
}

func init() {
	Migrations.MustRegister(func(ctx context.Context, db *bun.DB) error {
		return db.RunInTx(ctx, nil, func(ctx context.Context, tx bun.Tx) error {
			if _, err := tx.NewCreateTable().Model((*guideVersion20261201)(nil)).
				ForeignKey(`("created_by") REFERENCES "users" ("id") ON DELETE SET NULL`).Exec(ctx); err != nil {
				return fmt.Errorf("guide table: %w", err)
			}
			// One row per version: two editors saving on the same version
			// cannot both succeed; the second is refused.
			if _, err := tx.NewCreateIndex().Model((*guideVersion20261201)(nil)).Unique().
				Index("guide_versions_article_idx").Column("article", "lang", "version").Exec(ctx); err != nil {
				return fmt.Errorf("guide index: %w", err)
			}
			now := time.Now().UTC()
			var rows []guideVersion20261201
			for _, group := range [][]guideSeed20261201{guideSeedPrinciples20261201, guideSeedProtection20261201, guideSeedEU20261201} {
				for _, s := range group {
					rows = append(rows, guideVersion20261201{
						Article: s.article, Lang: s.lang, Version: 1,
						Title: s.title, Explanation: strings.TrimSpace(s.explanation),
						Prevention: strings.Join(s.prevention, "\n"), Signalling: strings.Join(s.signalling, "\n"),
						Investigation: strings.Join(s.investigation, "\n"), Care: strings.Join(s.care, "\n"),
						CreatedAt: now,
					})
				}
			}
			if _, err := tx.NewInsert().Model(&rows).Exec(ctx); err != nil {
				return fmt.Errorf("guide text: %w", err)
			}
			return nil
		})
	}, nil)
}
