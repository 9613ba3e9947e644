from productivity_plans.store.migrations import main

raise SystemExit(main())
