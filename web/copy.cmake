# Copies the workspace UI (web/public) to DST, and ECharts from web/node_modules into
# DST/vendor when npm has installed it. Run as `cmake -DSRC=web -DDST=build/web -P copy.cmake`.
file(COPY ${SRC}/public/ DESTINATION ${DST})
set(echarts ${SRC}/node_modules/echarts/dist/echarts.min.js)
if(EXISTS ${echarts})
  file(COPY ${echarts} DESTINATION ${DST}/vendor)
else()
  message(WARNING "ECharts is not installed (run scripts/setup); the workspace will show no charts")
endif()
