"""marshmallow schemas: what comes in (load; unknown fields raise) and what goes out (dump)."""
from .accounts import *  # noqa: F401,F403
from .checkins import *  # noqa: F401,F403
from .habits import *  # noqa: F401,F403
from .pauses import *  # noqa: F401,F403
from .stats import *  # noqa: F401,F403
from .summaries import *  # noqa: F401,F403
from .reminders import *  # noqa: F401,F403
from .votes import *  # noqa: F401,F403
from .bootstrap import *  # noqa: F401,F403
from .overview import *  # noqa: F401,F403
