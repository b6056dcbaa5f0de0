import uvicorn

from api.settings import ApiSettings

settings = ApiSettings()
uvicorn.run("api.app:app", host=settings.host, port=settings.port, log_level="info")
