package web

import "github.com/gofiber/fiber/v2"

// Guard is guard, for the test that an undeclared route gets none.
func (s *Server) Guard(method, path string) (fiber.Handler, error) { return s.guard(method, path) }
