from workers.sources.service import main

main()
