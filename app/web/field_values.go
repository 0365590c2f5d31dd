package web

import (
	"context"
	"strconv"
	"strings"

	"schakel/app/i18n"
	"schakel/app/model"
	"schakel/app/service"
	"schakel/views"
)

// valueNames turns stored field values (ids, codes, dates) into what a
// person reads, for the change history and the conflict view. Names are
// looked up once per request.
type valueNames struct {
	ctx   context.Context
	svc   *service.Service
	t     *i18n.Translator
	orgs  map[int64]string
	users map[int64]string
}

func (s *Server) valueNames(ctx context.Context, t *i18n.Translator) *valueNames {
	return &valueNames{ctx: ctx, svc: s.svc, t: t, orgs: map[int64]string{}, users: map[int64]string{}}
}

// Text is the readable form of a stored value of field.
func (n *valueNames) Text(field, raw string) string {
	if raw == "" {
		return n.t.Get("actions.value.empty")
	}
	switch field {
	case "theme":
		return n.t.Enum("theme", raw)
	case "status":
		if model.PlanStatus(raw).Valid() {
			return n.t.Enum("plan_status", raw)
		}
		return n.t.Enum("action_status", raw)
	case "due_date", "period_start", "period_end":
		return views.FormatDate(i18n.NewContext(n.ctx, n.t), raw)
	case "progress":
		return raw + "%"
	case "owner_organisation":
		return n.name(raw, n.orgs, func(id int64) (string, error) {
			return n.svc.OrganisationName(n.ctx, id)
		})
	case "owner":
		return n.name(raw, n.users, func(id int64) (string, error) {
			return n.svc.AccountName(n.ctx, id)
		})
	case "rights":
		var names []string
		for _, part := range strings.Split(raw, ",") {
			names = append(names, n.t.Get("right."+strings.TrimSpace(part)))
		}
		return strings.Join(names, ", ")
	}
	return raw
}

func (n *valueNames) name(raw string, cache map[int64]string, load func(int64) (string, error)) string {
	id, err := strconv.ParseInt(raw, 10, 64)
	if err != nil {
		return raw
	}
	if name, ok := cache[id]; ok {
		return name
	}
	name, err := load(id)
	if err != nil {
		// Gone since, or not to be read now: say so rather than fail the
		// whole page over one name.
		name = n.t.Get("actions.value.unknown")
	}
	cache[id] = name
	return name
}
