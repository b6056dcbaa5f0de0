from workers.xref.service import main

main()
