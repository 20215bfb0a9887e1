"""`python -m rasa_server [rasa run options]`: Rasa's server, its API token read from RASA_TOKEN.

`rasa run --auth-token TOKEN` would show the token to anyone who lists processes; this reads it from the
environment and hands it to Rasa's own `run` (rasa/cli/run.py) the way Rasa's command line would. It starts
the server as `rasa.__main__.main` does, with two differences: the logging configuration defaults to
rasa_server/logging.yml, and coloredlogs is not installed over it (it would replace that handler).
"""

from __future__ import annotations

import logging
import os
import sys
from pathlib import Path

from rasa_server.logs import install_record_scrubbing

LOGGING_CONFIG = Path(__file__).resolve().with_name("logging.yml")


def main(argv: list[str] | None = None) -> None:
    """Parse `rasa run` options, add the token from the environment, serve."""
    token = os.environ.get("RASA_TOKEN", "")
    if not token:
        sys.exit("RASA_TOKEN is not set: Rasa's HTTP API would answer anyone who reaches it")
    # Read by rasa.utils.log_utils when it is imported: structlog events as JSON, so they can be scrubbed.
    os.environ["FORCE_JSON_LOGGING"] = "true"
    # Read by Rasa at each action call, which carries the whole conversation: deflated (the action server
    # inflates it), a day's conversation fits the buffer in which HAProxy keeps a request it may send again
    # to another action server (deploy/haproxy.cfg).
    os.environ.setdefault("COMPRESS_ACTION_SERVER_REQUEST", "true")
    install_record_scrubbing()

    import rasa.telemetry
    import rasa.utils.tensorflow.environment as tf_env
    from rasa.__main__ import create_argument_parser
    from rasa.plugin import plugin_manager
    from rasa.shared.exceptions import RasaException
    from rasa.shared.utils.cli import print_error
    from rasa.utils.common import configure_logging_and_warnings
    from rasa.utils.log_utils import configure_structlog

    args = create_argument_parser().parse_args(["run", *(sys.argv[1:] if argv is None else argv)])
    if args.auth_token:
        sys.exit("give the token in RASA_TOKEN, not on the command line")
    args.auth_token = token
    args.logging_config_file = args.logging_config_file or str(LOGGING_CONFIG)
    configure_logging_and_warnings(
        args.loglevel, args.logging_config_file, warn_only_once=True, filter_repeated_logs=True
    )
    # What coloredlogs would have set: the root logger at Rasa's level.
    logging.getLogger().setLevel(logging.getLogger("rasa").level)
    tf_env.setup_tf_environment()
    tf_env.check_deterministic_ops()
    # Custom components (nlu/) are found from the working directory, as `rasa run` finds them.
    sys.path.insert(1, os.getcwd())
    try:
        result = plugin_manager().hook.configure_commandline(cmdline_arguments=args)
        endpoints_file = result[0] if result else None
        rasa.telemetry.initialize_telemetry()
        rasa.telemetry.initialize_error_reporting()
        plugin_manager().hook.init_telemetry(endpoints_file=endpoints_file)
        plugin_manager().hook.init_managers(endpoints_file=endpoints_file)
        plugin_manager().hook.init_anonymization_pipeline(endpoints_file=endpoints_file)
        configure_structlog(args.loglevel)
        args.func(args)
    except RasaException as exc:
        print_error(f"{exc.__class__.__name__}: {exc}")
        sys.exit(1)


if __name__ == "__main__":
    main()
