package main

import (
	"context"
	"fmt"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/PuerkitoBio/goquery"
	"golang.org/x/sync/errgroup"
)

// fixture is what the load runs on.
type fixture struct {
	workspace int64
	plans     []plan
	sessions  []*session
	editor    *session
}

type plan struct {
	id     int64
	action int64
	// version is the action's version; one edit at a time per plan keeps
	// it known.
	mu      sync.Mutex
	version int
}

// prepare makes a workspace with accounts, plans and one action per plan,
// all through the web interface, and signs the accounts in.
func prepare(ctx context.Context, o options) (*fixture, error) {
	admin := newSession(o.url)
	if err := admin.signIn(ctx, o.admin, o.password); err != nil {
		return nil, err
	}
	stamp := time.Now().Format("20060102-150405")
	orgName := "Belastingtest " + stamp
	if _, err := admin.get(ctx, "/admin/organisations"); err != nil {
		return nil, err
	}
	if _, err := admin.post(ctx, "/admin/organisations", url.Values{"name": {orgName}, "kind": {"landelijk"}}); err != nil {
		return nil, err
	}
	accounts, err := admin.get(ctx, "/admin/accounts")
	if err != nil {
		return nil, err
	}
	var orgID string
	accounts.doc.Find(`select[name="organisation"] option`).Each(func(_ int, s *goquery.Selection) {
		if strings.TrimSpace(s.Text()) == orgName {
			orgID, _ = s.Attr("value")
		}
	})
	if orgID == "" {
		return nil, fmt.Errorf("organisation %q not found after creating it", orgName)
	}
	emails := make([]string, o.accounts)
	for i := range emails {
		emails[i] = fmt.Sprintf("meting-%s-%03d@schakel.example", stamp, i+1)
		if _, err := admin.post(ctx, "/admin/accounts", url.Values{
			"name": {fmt.Sprintf("Meetaccount %d", i+1)}, "email": {emails[i]}, "organisation": {orgID},
			"platform_role": {""}, "password": {o.password},
		}); err != nil {
			return nil, err
		}
	}
	p, err := admin.post(ctx, "/admin/workspaces", url.Values{
		"name": {"Belastingtest " + stamp}, "kind": {"gemeente"}, "description": {"Werkruimte voor een belastingmeting."},
		"coordinator": {emails[0]},
	})
	if err != nil {
		return nil, err
	}
	fx := &fixture{}
	// The redirect goes to /workspaces/<id>/members.
	parts := strings.Split(strings.Trim(strings.SplitN(p.location, "?", 2)[0], "/"), "/")
	if len(parts) < 2 {
		return nil, fmt.Errorf("unexpected redirect %q after creating the workspace", p.location)
	}
	if fx.workspace, err = strconv.ParseInt(parts[1], 10, 64); err != nil {
		return nil, fmt.Errorf("workspace id in %q: %w", p.location, err)
	}
	ws := "/workspaces/" + strconv.FormatInt(fx.workspace, 10)
	if _, err := admin.get(ctx, ws+"/members"); err != nil {
		return nil, err
	}
	for _, e := range emails[1:] {
		if _, err := admin.post(ctx, ws+"/members", url.Values{"email": {e}, "role": {"editor"}}); err != nil {
			return nil, err
		}
	}

	fx.sessions = make([]*session, len(emails))
	g, gctx := errgroup.WithContext(ctx)
	g.SetLimit(4)
	for i, e := range emails {
		g.Go(func() error {
			s := newSession(o.url)
			if err := s.signIn(gctx, e, o.password); err != nil {
				return err
			}
			fx.sessions[i] = s
			return nil
		})
	}
	if err := g.Wait(); err != nil {
		return nil, err
	}
	fx.editor = fx.sessions[0]
	if _, err := fx.editor.get(ctx, ws+"/plans"); err != nil {
		return nil, err
	}
	for i := 0; i < o.plans; i++ {
		p, err := fx.editor.post(ctx, ws+"/plans", url.Values{
			"title": {fmt.Sprintf("Meetplan %d", i+1)}, "period_start": {"2027-01-01"}, "period_end": {"2027-12-31"}, "framework": {"pijlers"},
		})
		if err != nil {
			return nil, err
		}
		planPath := strings.SplitN(p.location, "?", 2)[0]
		id, err := strconv.ParseInt(planPath[strings.LastIndex(planPath, "/")+1:], 10, 64)
		if err != nil {
			return nil, fmt.Errorf("plan id in %q: %w", p.location, err)
		}
		if _, err := fx.editor.get(ctx, planPath); err != nil {
			return nil, err
		}
		if _, err := fx.editor.post(ctx, planPath+"/actions", url.Values{"title": {"Meting 0"}, "theme": {"preventie"}}); err != nil {
			return nil, err
		}
		board, err := fx.editor.get(ctx, planPath)
		if err != nil {
			return nil, err
		}
		idAttr, ok := board.doc.Find("li.schakel-action[data-id]").First().Attr("data-id")
		if !ok {
			return nil, fmt.Errorf("no action on %s after adding one", planPath)
		}
		aid, _ := strconv.ParseInt(idAttr, 10, 64)
		fx.plans = append(fx.plans, plan{id: id, action: aid, version: 1})
	}
	return fx, nil
}
