package web

import (
	"strconv"

	"github.com/gofiber/fiber/v2"

	"schakel/app/model"
)

func meetingPath(workspaceID, meetingID int64) string {
	return "/workspaces/" + strconv.FormatInt(workspaceID, 10) + "/meetings/" + strconv.FormatInt(meetingID, 10)
}

func itemPath(workspaceID, itemID int64) string {
	return "/workspaces/" + strconv.FormatInt(workspaceID, 10) + "/items/" + strconv.FormatInt(itemID, 10)
}

// loadMeeting loads the meeting of the route's :mid in the route's workspace.
func (s *Server) loadMeeting(c *fiber.Ctx) (*model.Meeting, error) {
	mid, err := idParam(c, "mid")
	if err != nil {
		return nil, err
	}
	return s.svc.Meeting(c.UserContext(), currentUser(c), workspaceID(c), mid)
}

// loadItem loads the agenda item of the route's :iid with its meeting.
func (s *Server) loadItem(c *fiber.Ctx) (*model.AgendaItem, *model.Meeting, error) {
	iid, err := idParam(c, "iid")
	if err != nil {
		return nil, nil, err
	}
	return s.svc.Item(c.UserContext(), currentUser(c), workspaceID(c), iid)
}
