"""The bundle's entry point: the same program as the `trial-explainer` command."""

from explainer.cli import main

raise SystemExit(main())
