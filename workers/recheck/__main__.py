from workers.recheck.service import main

main()
