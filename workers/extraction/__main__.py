from workers.extraction.service import main

main()
