module earlyenv.local/locale

go 1.22
