"""The registers' API under /api/v1/registers."""

from govops.registers.api.registers import registers_router as registers_router
