from workers.collector.service import main

main()
