from govops.cli.app import main

main()
