package store

import (
	"context"
	"strconv"

	"github.com/uptrace/bun"

	"schakel/app/model"
)

// latestGuide keeps the rows that are their article's newest version in
// their language.
func latestGuide(q *bun.SelectQuery) *bun.SelectQuery {
	return q.Where("?TableAlias.version = (SELECT MAX(g2.version) FROM guide_versions AS g2 WHERE g2.article = ?TableAlias.article AND g2.lang = ?TableAlias.lang)")
}

// GuideTexts lists the text in force of every article of the guide in
// one language, with its last author.
func GuideTexts(ctx context.Context, db bun.IDB, lang string) ([]model.GuideText, error) {
	var list []model.GuideText
	q := db.NewSelect().Model(&list).Relation("Author", authorColumns).
		Where("?TableAlias.lang = ?", lang)
	err := latestGuide(q).Scan(ctx)
	return list, err
}

// GuideText loads the text in force of one article in one language.
func GuideText(ctx context.Context, db bun.IDB, article, lang string) (*model.GuideText, error) {
	g := new(model.GuideText)
	q := db.NewSelect().Model(g).Relation("Author", authorColumns).
		Where("?TableAlias.article = ?", article).Where("?TableAlias.lang = ?", lang)
	return g, notFound(latestGuide(q).Scan(ctx))
}

// GuideVersions lists every version of one article in one language,
// newest first, each with its author.
func GuideVersions(ctx context.Context, db bun.IDB, article, lang string) ([]model.GuideText, error) {
	var list []model.GuideText
	err := db.NewSelect().Model(&list).Relation("Author", authorColumns).
		Where("?TableAlias.article = ?", article).Where("?TableAlias.lang = ?", lang).
		OrderExpr("?TableAlias.version DESC").Scan(ctx)
	return list, err
}

// GuideVersion loads one version of one article in one language.
func GuideVersion(ctx context.Context, db bun.IDB, article, lang string, version int) (*model.GuideText, error) {
	g := new(model.GuideText)
	err := db.NewSelect().Model(g).Relation("Author", authorColumns).
		Where("?TableAlias.article = ?", article).Where("?TableAlias.lang = ?", lang).
		Where("?TableAlias.version = ?", version).Scan(ctx)
	return g, notFound(err)
}

// AddGuideVersion stores a new version of an article; ErrDuplicate when
// that version exists already, because someone else saved it first.
func AddGuideVersion(ctx context.Context, db bun.IDB, g *model.GuideText) error {
	_, err := db.NewInsert().Model(g).Returning("id").Exec(ctx)
	return duplicate(err)
}

func authorColumns(q *bun.SelectQuery) *bun.SelectQuery { return q.Column("id", "name") }

// ActionsServing lists the actions, not deleted and of plans not deleted,
// that serve at least one of the CRC articles rights, in the given
// workspaces, by workspace name and in plan order. Each has its plan's title in
// PlanTitle.
func ActionsServing(ctx context.Context, db bun.IDB, workspaceIDs []int64, rights []model.Right) ([]ActionOfPlan, error) {
	var list []ActionOfPlan
	if len(workspaceIDs) == 0 || len(rights) == 0 {
		return list, nil
	}
	err := db.NewSelect().Model(&list).
		ColumnExpr("?TableAlias.*").ColumnExpr("p.title AS plan_title").
		Join("JOIN plans AS p ON p.id = ?TableAlias.plan_id AND p.workspace_id = ?TableAlias.workspace_id").
		Join("JOIN workspaces AS w ON w.id = ?TableAlias.workspace_id").
		Where("?TableAlias.workspace_id IN (?)", bun.In(workspaceIDs)).
		Where("?TableAlias.deleted_at IS NULL").Where("p.deleted_at IS NULL").
		WhereGroup(" AND ", func(q *bun.SelectQuery) *bun.SelectQuery {
			for _, r := range rights {
				// rights holds the numbers comma-separated: ",3,12," has
				// ",12," but not ",2,".
				q = q.WhereOr("(',' || ?TableAlias.rights || ',') LIKE ?", "%,"+strconv.Itoa(int(r))+",%")
			}
			return q
		}).
		OrderExpr("w.name ASC, w.id ASC, p.period_start DESC, p.id ASC, ?TableAlias.position ASC, ?TableAlias.id ASC").
		Scan(ctx)
	return list, err
}

// ActionOfPlan is an action with the title of its plan.
type ActionOfPlan struct {
	model.Action `bun:",extend"`

	PlanTitle string `bun:"plan_title"`
}
